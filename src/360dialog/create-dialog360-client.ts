import type { paths } from "../../generated/360dialog.ts";
import { operations, securitySchemes } from "../../generated/360dialog-meta.ts";
import { checkCredential, checkId } from "../core/check-credential.ts";
import { listPaginator } from "../core/list.ts";
import type { OffsetPage } from "../core/offset-pages.ts";
import type { ProviderMeta, QueryMetaMap, ResponsesMetaMap } from "../core/operation-meta.ts";
import type { Paginator } from "../core/paginator.ts";
import { Redactor } from "../core/redactor.ts";
import { createTransport, type SchemeCredentials, type Transport } from "../core/transport.ts";
import { resolveTransportOptions, type TransportOptions } from "../core/transport-options.ts";
import { typedCall } from "../core/typed-call.ts";
import { channelsResource } from "./channels-resource.ts";
import { clientsResource } from "./clients-resource.ts";
import type { ChannelListParams, ClientListParams } from "./list-params.ts";
import { partnerResource } from "./partner-resource.ts";
import { readDialog360ErrorBody } from "./read-error-body.ts";
import type { Channel, Client } from "./types.ts";

/** A partner user's login (e-mail and password), exchanged for a bearer token. */
export interface PartnerCredentials {
  username: string;
  password: string;
}

let queryMeta: Promise<QueryMetaMap> | undefined;
let responsesMeta: Promise<ResponsesMetaMap> | undefined;
const meta: ProviderMeta = {
  operations,
  securitySchemes,
  loadQuery: () => {
    queryMeta ??= import("../../generated/360dialog-query.ts").then((m) => m.query);
    return queryMeta;
  },
  loadResponses: () => {
    responsesMeta ??= import("../../generated/360dialog-responses.ts").then((m) => m.responses);
    return responsesMeta;
  },
};

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
export function createDialog360Client(options: Dialog360ClientOptions): Dialog360Client {
  if (typeof options !== "object" || options === null)
    throw new TypeError("createDialog360Client: options are required");
  checkId(options.partnerId, "createDialog360Client: partnerId");
  const hasKey = options.apiKey !== undefined;
  const hasCredentials = options.credentials !== undefined;
  if (hasKey === hasCredentials) {
    throw new TypeError(
      hasKey || Object.hasOwn(options, "apiKey") || Object.hasOwn(options, "credentials")
        ? "createDialog360Client: give exactly one of apiKey or credentials: { username, password } (apiKey is undefined: is its environment variable set?)"
        : "createDialog360Client: give exactly one of apiKey or credentials: { username, password }",
    );
  }
  if (hasKey) checkCredential(options.apiKey, "createDialog360Client: apiKey");
  const creds = options.credentials;
  if (hasCredentials) {
    if (typeof creds !== "object" || creds === null) {
      throw new TypeError("createDialog360Client: credentials must be { username, password }");
    }
    checkCredential(creds.username, "createDialog360Client: credentials.username", { allowInnerSpace: true });
    checkCredential(creds.password, "createDialog360Client: credentials.password", { allowInnerSpace: true });
  }
  const resolved = resolveTransportOptions(options, DIALOG360_BASE_URL);
  const redactor = new Redactor();
  redactor.add(options.apiKey);
  redactor.add(creds?.password);
  // Which scheme carries which credential is the spec's: the apiKey scheme gets the key, the scheme
  // with a token operation gets the login.
  const credentials: SchemeCredentials = {};
  for (const [name, scheme] of Object.entries(securitySchemes)) {
    if (scheme.type === "apiKey" && hasKey) credentials[name] = { apiKey: options.apiKey as string };
    if ("token" in scheme && creds)
      credentials[name] = { login: { username: creds.username, password: creds.password } };
  }
  const transport = createTransport<paths>(resolved, {
    meta,
    readErrorBody: readDialog360ErrorBody,
    redactor,
    credentials,
    paramNames: PARAM_NAMES,
  });
  const call = typedCall<paths>(transport);
  const partnerId = options.partnerId;

  function listOf<Item>(
    path: "/api/v2/partners/{partner_id}/channels" | "/api/v2/partners/{partner_id}/clients",
    params: ChannelListParams | ClientListParams = {},
  ): Paginator<Item, OffsetPage<Item>> {
    if (typeof params !== "object" || params === null) throw new TypeError("list: params must be an object");
    const { filters, extraFilters, sort, pageSize, offset, maxItems, concurrency, ...others } = params;
    const { signal, timeout, retry, headers, extraQuery, ...declared } = others as typeof others &
      Record<string, unknown>;
    const request = { signal, timeout, retry, headers, extraQuery };
    // A snapshot: what the caller changes after list() does not change the list.
    const given = {
      filters: filters && typeof filters === "object" ? { ...filters } : filters,
      extraFilters: extraFilters && typeof extraFilters === "object" ? { ...extraFilters } : extraFilters,
      sort: Array.isArray(sort) ? [...sort] : sort,
      paging: { pageSize, offset, maxItems, concurrency },
    };
    const operation = `GET ${path}`;
    const prepare = async () => {
      const [{ asArray, resolveListOptions }, { serializeJsonQuery }, queries] = await Promise.all([
        import("../core/list-query.ts"),
        import("../core/validate-query.ts"),
        meta.loadQuery(),
      ]);
      const constraints = queries[path]?.get;
      const paging = resolveListOptions(given.paging, constraints, operations[path].get.pagination.limit);
      const json = serializeJsonQuery(
        "filters",
        given.filters as Record<string, unknown> | undefined,
        given.extraFilters,
        constraints,
        operation,
      );
      const sorted = asArray(given.sort);
      // Query parameters the spec declares beyond filters, sort and paging pass through; each page's
      // call checks the whole query against the spec before it is sent.
      return {
        query: { ...declared, ...(json ? { filters: json } : {}), ...(sorted ? { sort: sorted } : {}) },
        paging,
      };
    };
    return listPaginator<Item>(transport, path, { partner_id: partnerId }, prepare, request) as Paginator<
      Item,
      OffsetPage<Item>
    >;
  }

  return {
    /** The underlying openapi-fetch client, typed by the generated `paths`, with the same auth, pacing, timeouts, caps and retries. */
    api: transport.api,
    channels: channelsResource(call, partnerId, (params?: ChannelListParams) =>
      listOf<Channel>("/api/v2/partners/{partner_id}/channels", params),
    ),
    clients: clientsResource(call, partnerId, (params?: ClientListParams) =>
      listOf<Client>("/api/v2/partners/{partner_id}/clients", params),
    ),
    partner: partnerResource(call, partnerId),
  };
}

/** The client `createDialog360Client` returns. */
export interface Dialog360Client {
  /** The underlying openapi-fetch client, typed by the generated `paths`, with the same auth, pacing, timeouts, caps and retries. */
  readonly api: Transport<paths>["api"];
  /** Channels (phone numbers) of the partner: listing, API keys, blocked users, settings, lifecycle. */
  readonly channels: Dialog360ChannelsResource;
  /** The partner's clients: listing, settings, balance and shared numbers. */
  readonly clients: Dialog360ClientsResource;
  /** The partner account's own settings. */
  readonly partner: Dialog360PartnerResource;
}
/** `d360.channels`. */
export interface Dialog360ChannelsResource extends ReturnType<typeof channelsResource> {}
/** `d360.clients`. */
export interface Dialog360ClientsResource extends ReturnType<typeof clientsResource> {}
/** `d360.partner`. */
export interface Dialog360PartnerResource extends ReturnType<typeof partnerResource> {}
