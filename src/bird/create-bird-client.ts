import type { paths } from "../../generated/bird.ts";
import { operations } from "../../generated/bird-meta.ts";
import { type CursorPage, cursorPages } from "../core/cursor-pages.ts";
import { resolveListOptions } from "../core/list-query.ts";
import { Paginator } from "../core/paginator.ts";
import type { QueryMeta } from "../core/query-meta.ts";
import { Redactor } from "../core/redactor.ts";
import { createTransport } from "../core/transport.ts";
import { resolveTransportOptions, type TransportOptions } from "../core/transport-options.ts";
import { typedCall } from "../core/typed-call.ts";
import { validateQuery } from "../core/validate-query.ts";
import { type BirdChannel, type BirdChannelListParams, birdChannelsResource } from "./channels-resource.ts";
import { readBirdErrorBody } from "./read-error-body.ts";

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
export function createBirdClient(options: BirdClientOptions) {
  if (typeof options?.accessKey !== "string" || options.accessKey.length === 0) {
    throw new TypeError("createBirdClient: accessKey is required");
  }
  if (typeof options.workspaceId !== "string" || options.workspaceId.length === 0) {
    throw new TypeError("createBirdClient: workspaceId is required");
  }
  const resolved = resolveTransportOptions(options, BIRD_BASE_URL);
  const redactor = new Redactor();
  redactor.add(options.accessKey);
  const header = { Authorization: `AccessKey ${options.accessKey}` };
  const transport = createTransport(resolved, {
    operations,
    readErrorBody: readBirdErrorBody,
    redactor,
    hooks: { authHeaders: () => header },
  });
  const call = typedCall<paths>(transport, {});
  const { workspaceId } = options;

  function list(params: BirdChannelListParams = {}): Paginator<BirdChannel, CursorPage<BirdChannel>> {
    const meta = (operations[LIST_PATH].get as { query?: QueryMeta }).query;
    const operation = `GET ${LIST_PATH}`;
    const { pageSize, maxItems } = resolveListOptions(params, meta);
    const { signal, pageSize: _p, maxItems: _m, ...filters } = params;
    // Checked now, before anything is sent, against what the spec declares for each parameter.
    validateQuery(filters, meta, operation);
    const source = cursorPages<BirdChannel>(
      async (pageToken, limit, pageSignal) => {
        const result = await call(LIST_PATH, "get", {
          path: { workspaceId },
          query: { ...filters, limit, ...(pageToken ? { pageToken } : {}) },
          signal: pageSignal,
        });
        if (result.error) return result;
        return {
          data: { items: result.data.results ?? [], nextPageToken: result.data.nextPageToken || undefined },
          response: result.response,
        };
      },
      { pageSize, maxItems },
      operation,
    );
    return new Paginator(source, signal);
  }

  return {
    /** The underlying openapi-fetch client, typed by the generated `paths`, with the same auth, timeouts and retries. */
    api: transport.api as unknown as import("openapi-fetch").Client<paths>,
    channels: birdChannelsResource(call, workspaceId, list),
  };
}

/** The client `createBirdClient` returns. */
export type BirdClient = ReturnType<typeof createBirdClient>;
