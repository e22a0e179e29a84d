import type { paths } from "../../generated/360dialog.ts";
import { operations } from "../../generated/360dialog-meta.ts";
import { asArray, resolveListOptions, serializeJsonQuery } from "../core/list-query.ts";
import { type OffsetPage, offsetPages } from "../core/offset-pages.ts";
import { Paginator } from "../core/paginator.ts";
import type { QueryMeta } from "../core/query-meta.ts";
import { Redactor } from "../core/redactor.ts";
import { createTransport, type TransportHooks } from "../core/transport.ts";
import { resolveTransportOptions, type TransportOptions } from "../core/transport-options.ts";
import { typedCall } from "../core/typed-call.ts";
import { validateQuery } from "../core/validate-query.ts";
import { type Channel, channelsResource } from "./channels-resource.ts";
import { type Client, clientsResource } from "./clients-resource.ts";
import type { ChannelListParams, ClientListParams } from "./list-params.ts";
import { partnerResource } from "./partner-resource.ts";
import { readDialog360ErrorBody } from "./read-error-body.ts";
import { type PartnerCredentials, TokenAuth } from "./token-auth.ts";

/** Options of `createDialog360Client`: the partner, exactly one credential, and the transport options. */
export interface Dialog360ClientOptions extends TransportOptions {
  /** Your Partner Hub ID, given once for every call. */
  partnerId: string;
  /** Partner API key, sent as `X-API-Key` (the preferred scheme). Give this or `credentials`. */
  apiKey?: string | undefined;
  /**
   * A partner user's e-mail and password, exchanged at POST /api/v2/token for a bearer token that is
   * cached, refreshed before it expires, and refreshed once on a 401. Give this or `apiKey`.
   */
  credentials?: PartnerCredentials | undefined;
  /**
   * @default "https://hub.360dialog.io"
   */
  baseUrl?: string;
}

/** The Partner API's production base URL, the default `baseUrl`. */
export const DIALOG360_BASE_URL = "https://hub.360dialog.io";

const PARAM_NAMES = { partner_id: "partnerId", client_id: "clientId", channel_id: "channelId" };
const TOKEN_PATH = "/api/v2/token";

/**
 * A client for the 360dialog Partner API v2. Every method returns `{ data, error, response }` where
 * `error` is a discriminated union of the statuses the operation declares plus transport failures.
 *
 * @example
 * const d360 = createDialog360Client({ partnerId: "examplePA", apiKey: process.env.D360_PARTNER_API_KEY });
 * const res = await d360.channels.createApiKey({ channelId: "exampleCH" });
 * if (res.error) console.error(res.error.message);
 * else console.log(res.data.api_key);
 */
export function createDialog360Client(options: Dialog360ClientOptions) {
  if (typeof options?.partnerId !== "string" || options.partnerId.length === 0) {
    throw new TypeError("createDialog360Client: partnerId is required");
  }
  const hasKey = options.apiKey !== undefined;
  const hasCredentials = options.credentials !== undefined;
  if (hasKey === hasCredentials) {
    throw new TypeError("createDialog360Client: give exactly one of apiKey or credentials: { username, password }");
  }
  if (hasKey && (typeof options.apiKey !== "string" || options.apiKey.length === 0)) {
    throw new TypeError("createDialog360Client: apiKey must be a non-empty string");
  }
  const creds = options.credentials;
  if (
    hasCredentials &&
    (typeof creds?.username !== "string" || !creds.username || typeof creds.password !== "string" || !creds.password)
  ) {
    throw new TypeError("createDialog360Client: credentials need a non-empty username and password");
  }
  const resolved = resolveTransportOptions(options, DIALOG360_BASE_URL);
  const redactor = new Redactor();
  redactor.add(options.apiKey);
  redactor.add(creds?.password);

  const hooks: TransportHooks = { anonymousPaths: [TOKEN_PATH] };
  let tokenAuth: TokenAuth | undefined;
  if (hasKey) {
    const header = { "X-API-Key": options.apiKey as string };
    hooks.authHeaders = () => header;
  } else {
    hooks.authHeaders = () => (tokenAuth as TokenAuth).headers();
    hooks.onUnauthorized = (used) => (tokenAuth as TokenAuth).invalidate(used);
  }
  const transport = createTransport(resolved, { operations, readErrorBody: readDialog360ErrorBody, redactor, hooks });
  const call = typedCall<paths>(transport, PARAM_NAMES);
  if (creds) {
    tokenAuth = new TokenAuth(
      creds,
      (body) => transport.send({ method: "post", path: TOKEN_PATH, body, anonymous: true }) as never,
      redactor,
    );
  }
  const partnerId = options.partnerId;

  function listOf<Item>(
    path: "/api/v2/partners/{partner_id}/channels" | "/api/v2/partners/{partner_id}/clients",
    itemsKey: "partner_channels" | "clients",
    params: ChannelListParams | ClientListParams = {},
  ): Paginator<Item, OffsetPage<Item>> {
    const meta = (operations[path].get as { query?: QueryMeta }).query;
    const operation = `GET ${path}`;
    // Checked now, before anything is sent: misuse fails at the call site, not deep in a loop.
    const paging = resolveListOptions(params, meta);
    const filters = serializeJsonQuery(
      "filters",
      params.filters as Record<string, unknown> | undefined,
      meta,
      operation,
    );
    const sort = asArray(params.sort);
    validateQuery({ sort }, meta, operation);
    const source = offsetPages<Item>(async (offset, limit, signal) => {
      const result = await call(path, "get", {
        path: { partner_id: partnerId },
        query: { offset, limit, ...(filters ? { filters } : {}), ...(sort ? { sort } : {}) },
        signal,
      });
      if (result.error) return result;
      const data = result.data as unknown as Record<string, unknown>;
      const items = (Array.isArray(data[itemsKey]) ? data[itemsKey] : []) as Item[];
      return {
        data: { items, total: typeof data.total === "number" ? data.total : offset + items.length },
        response: result.response,
      };
    }, paging);
    return new Paginator(source, params.signal);
  }

  return {
    /** The underlying openapi-fetch client, typed by the generated `paths`, with the same auth, timeouts and retries. */
    api: transport.api as unknown as import("openapi-fetch").Client<paths>,
    channels: channelsResource(call, partnerId, (params?: ChannelListParams) =>
      listOf<Channel>("/api/v2/partners/{partner_id}/channels", "partner_channels", params),
    ),
    clients: clientsResource(call, partnerId, (params?: ClientListParams) =>
      listOf<Client>("/api/v2/partners/{partner_id}/clients", "clients", params),
    ),
    partner: partnerResource(call, partnerId),
  };
}

/** The client `createDialog360Client` returns. */
export type Dialog360Client = ReturnType<typeof createDialog360Client>;
