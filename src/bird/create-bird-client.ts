import type { paths } from "../../generated/bird.ts";
import { operations, securitySchemes } from "../../generated/bird-meta.ts";
import { checkCredential, checkId } from "../core/check-credential.ts";
import type { CursorPage } from "../core/cursor-pages.ts";
import { listPaginator } from "../core/list.ts";
import type { ProviderMeta, QueryMetaMap, ResponsesMetaMap } from "../core/operation-meta.ts";
import type { Paginator } from "../core/paginator.ts";
import { Redactor } from "../core/redactor.ts";
import { createTransport, type SchemeCredentials, type Transport } from "../core/transport.ts";
import { resolveTransportOptions, type TransportOptions } from "../core/transport-options.ts";
import { typedCall } from "../core/typed-call.ts";
import { type BirdChannelListParams, birdChannelsResource } from "./channels-resource.ts";
import { readBirdErrorBody } from "./read-error-body.ts";
import type { BirdChannel } from "./types.ts";

let queryMeta: Promise<QueryMetaMap> | undefined;
let responsesMeta: Promise<ResponsesMetaMap> | undefined;
const meta: ProviderMeta = {
  operations,
  securitySchemes,
  loadQuery: () => {
    queryMeta ??= import("../../generated/bird-query.ts").then((m) => m.query);
    return queryMeta;
  },
  loadResponses: () => {
    responsesMeta ??= import("../../generated/bird-responses.ts").then((m) => m.responses);
    return responsesMeta;
  },
};

/** Options of `createBirdClient`: the access key, the workspace, and the transport options. */
export interface BirdClientOptions extends TransportOptions {
  /** Bird access key, sent as `Authorization: AccessKey <key>`. */
  accessKey: string | undefined;
  /** The workspace every call addresses, given once. */
  workspaceId: string;
  /**
   * @default "https://api.bird.com"
   */
  baseUrl?: string;
}

/** Bird's API base URL, the default `baseUrl`. */
export const BIRD_BASE_URL = "https://api.bird.com";
const LIST_PATH = "/workspaces/{workspaceId}/channels";

/**
 * A client for Bird's Channels API, with the same results, error unions and paginators as the
 * 360dialog client.
 *
 * @example
 * const bird = createBirdClient({ accessKey: process.env.BIRD_ACCESS_KEY, workspaceId });
 * for await (const channel of bird.channels.list({ status: "active" })) console.log(channel.name);
 */
export function createBirdClient(options: BirdClientOptions): BirdClient {
  if (typeof options !== "object" || options === null) throw new TypeError("createBirdClient: options are required");
  checkCredential(options.accessKey, "createBirdClient: accessKey");
  checkId(options.workspaceId, "createBirdClient: workspaceId");
  const resolved = resolveTransportOptions(options, BIRD_BASE_URL);
  const redactor = new Redactor();
  redactor.add(options.accessKey);
  const credentials: SchemeCredentials = {};
  for (const [name, scheme] of Object.entries(securitySchemes)) {
    if (scheme.type === "apiKey") credentials[name] = { apiKey: options.accessKey as string };
  }
  const transport = createTransport<paths>(resolved, { meta, readErrorBody: readBirdErrorBody, redactor, credentials });
  const call = typedCall<paths>(transport);
  const { workspaceId } = options;

  function list(params: BirdChannelListParams = {}): Paginator<BirdChannel, CursorPage<BirdChannel>> {
    if (typeof params !== "object" || params === null) throw new TypeError("list: params must be an object");
    const { signal, timeout, retry, headers, extraQuery, pageSize, maxItems, ...rest } = params;
    // A snapshot: what the caller changes after list() does not change the list.
    const filters: Record<string, unknown> = { ...rest };
    const prepare = async () => {
      const [{ resolveListOptions }, queries] = await Promise.all([import("../core/list-query.ts"), meta.loadQuery()]);
      const constraints = queries[LIST_PATH]?.get;
      const paging = resolveListOptions(
        { pageSize, maxItems },
        constraints,
        operations[LIST_PATH].get.pagination.limit,
      );
      return { query: filters, paging: { ...paging, offset: 0, concurrency: 1 } };
    };
    return listPaginator<BirdChannel>(transport, LIST_PATH, { workspaceId }, prepare, {
      signal,
      timeout,
      retry,
      headers,
      extraQuery,
    }) as Paginator<BirdChannel, CursorPage<BirdChannel>>;
  }

  return {
    /** The underlying openapi-fetch client, typed by the generated `paths`, with the same auth, pacing, timeouts, caps and retries. */
    api: transport.api,
    channels: birdChannelsResource(call, workspaceId, list),
  };
}

/** The client `createBirdClient` returns. */
export interface BirdClient {
  /** The underlying openapi-fetch client, typed by the generated `paths`, with the same auth, pacing, timeouts, caps and retries. */
  readonly api: Transport<paths>["api"];
  /** The workspace's channels. */
  readonly channels: BirdChannelsResource;
}
/** `bird.channels`. */
export interface BirdChannelsResource extends ReturnType<typeof birdChannelsResource> {}
