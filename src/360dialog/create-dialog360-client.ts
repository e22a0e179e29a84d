import type { paths } from "../../generated/360dialog.ts";
import { operations, securitySchemes } from "../../generated/360dialog-meta.ts";
import { createProviderClient, type ProviderDefinition } from "../core/call/provider-client.ts";
import type { Transport } from "../core/contract/call.ts";
import type { TransportOptions } from "../core/contract/client-options.ts";
import { checkCredential, checkId } from "../core/options/check-credential.ts";
import type { OffsetPage } from "../core/pagination/offset-pages.ts";
import type { Paginator } from "../core/pagination/paginator.ts";
import { channelsResource } from "./channels-resource.ts";
import { clientsResource } from "./clients-resource.ts";
import type { ChannelListParams, ClientListParams } from "./list-params.ts";
import { OPERATIONS } from "./operations.ts";
import { partnerResource } from "./partner-resource.ts";
import { readDialog360ErrorBody } from "./read-error-body.ts";
import type { Channel, Client } from "./types.ts";

/** A partner user's login (e-mail and password), exchanged for a bearer token. */
export interface PartnerCredentials {
  username: string;
  password: string;
}

/** The Partner API's production base URL, the default `baseUrl`. */
export const DIALOG360_BASE_URL = "https://hub.360dialog.io";

const provider: ProviderDefinition = {
  meta: {
    operations,
    securitySchemes,
    loadQuery: () => import("../../generated/360dialog-query.ts").then((m) => m.query),
    loadResponses: () => import("../../generated/360dialog-responses.ts").then((m) => m.responses),
  },
  readErrorBody: readDialog360ErrorBody,
  defaultBaseUrl: DIALOG360_BASE_URL,
  paramNames: { partner_id: "partnerId", client_id: "clientId", channel_id: "channelId" },
};

/** Options of `createDialog360Client` besides the credential: the partner and the transport options. */
export interface Dialog360CommonOptions extends TransportOptions {
  /** Your Partner Hub ID, given once for every call. */
  partnerId: string;
  /**
   * @default "https://hub.360dialog.io"
   */
  baseUrl?: string;
}

/** Authentication with a partner API key. */
export interface Dialog360ApiKeyAuth {
  /**
   * Partner API key, sent as `X-API-Key` (the preferred scheme). `string | undefined` so that
   * `process.env.D360_PARTNER_API_KEY` compiles; an undefined key is refused when the client is built.
   */
  apiKey: string | undefined;
  credentials?: never;
}

/** Authentication with a partner user's login, exchanged for a bearer token. */
export interface Dialog360CredentialsAuth {
  /**
   * A partner user's e-mail and password, exchanged at POST /api/v2/token for a bearer token that is
   * cached, refreshed before it expires, and refreshed once on a 401.
   */
  credentials: PartnerCredentials;
  apiKey?: never;
}

/**
 * Options of `createDialog360Client`: the partner, exactly one credential (`apiKey` or `credentials`,
 * checked at compile time and again when the client is built), and the transport options.
 */
export type Dialog360ClientOptions = Dialog360CommonOptions & (Dialog360ApiKeyAuth | Dialog360CredentialsAuth);

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
  const { transport, call, list } = createProviderClient<paths>(provider, options, {
    apiKey: options.apiKey,
    login: creds && { username: creds.username, password: creds.password },
    secrets: [options.apiKey, creds?.password],
  });
  const partnerId = options.partnerId;

  const loadShape = () => import("./list-shapes.ts").then((m) => m.offsetListShape);
  const listOf =
    <Item>(operation: (typeof OPERATIONS)["channels.list" | "clients.list"]) =>
    (params?: ChannelListParams | ClientListParams): Paginator<Item, OffsetPage<Item>> =>
      list<Item, OffsetPage<Item>>(operation.path, { partner_id: partnerId }, params, loadShape);

  return {
    /** The underlying openapi-fetch client, typed by the generated `paths`, with the same auth, pacing, timeouts, caps and retries. */
    api: transport.api,
    channels: channelsResource(call, partnerId, listOf<Channel>(OPERATIONS["channels.list"])),
    clients: clientsResource(
      call,
      partnerId,
      listOf<Client>(OPERATIONS["clients.list"]),
      () => import("./balance-dates.ts"),
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
