import type { paths } from "../../generated/bird.ts";
import { operations, securitySchemes } from "../../generated/bird-meta.ts";
import { createProviderClient, type ProviderDefinition } from "../core/call/provider-client.ts";
import type { Transport } from "../core/contract/call.ts";
import type { TransportOptions } from "../core/contract/client-options.ts";
import { checkCredential, checkId } from "../core/options/check-credential.ts";
import type { CursorPage } from "../core/pagination/cursor-pages.ts";
import type { Paginator } from "../core/pagination/paginator.ts";
import { type BirdChannelListParams, birdChannelsResource } from "./channels-resource.ts";
import { OPERATIONS } from "./operations.ts";
import { readBirdErrorBody } from "./read-error-body.ts";
import type { BirdChannel, BirdWebhookSubscription } from "./types.ts";
import {
  type BirdWebhookSubscriptionListParams,
  birdWebhookSubscriptionsResource,
} from "./webhook-subscriptions-resource.ts";

/** Bird's API base URL, the default `baseUrl`. */
export const BIRD_BASE_URL = "https://api.bird.com";

const provider: ProviderDefinition = {
  meta: {
    operations,
    securitySchemes,
    loadQuery: () => import("../../generated/bird-query.ts").then((m) => m.query),
    loadResponses: () => import("../../generated/bird-responses.ts").then((m) => m.responses),
  },
  readErrorBody: readBirdErrorBody,
  defaultBaseUrl: BIRD_BASE_URL,
};

/** Options of `createBirdClient`: the access key, the workspace, and the transport options. */
export interface BirdClientOptions extends TransportOptions {
  /** Bird access key, sent as `Authorization: AccessKey <key>`. */
  accessKey: string | undefined;
  /** The workspace every call addresses, given once. */
  workspaceId: string;
  /** The organization the workspace belongs to: needed by `webhookSubscriptions` only (their path names it). */
  organizationId?: string | undefined;
  /**
   * @default "https://api.bird.com"
   */
  baseUrl?: string;
}

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
  // The scheme is the client's to add: a key pasted from a header or a curl line would be sent twice prefixed.
  if (typeof options.accessKey === "string" && /^\s*AccessKey\s/i.test(options.accessKey)) {
    throw new TypeError(
      'createBirdClient: accessKey starts with "AccessKey ": pass the key alone, the client adds the prefix',
    );
  }
  checkCredential(options.accessKey, "createBirdClient: accessKey");
  checkId(options.workspaceId, "createBirdClient: workspaceId");
  if (options.organizationId !== undefined) checkId(options.organizationId, "createBirdClient: organizationId");
  const { transport, call, list } = createProviderClient<paths>(provider, options, {
    apiKey: options.accessKey,
    secrets: [options.accessKey],
  });
  const { workspaceId } = options;

  const channels = (params?: BirdChannelListParams): Paginator<BirdChannel, CursorPage<BirdChannel>> =>
    list<BirdChannel, CursorPage<BirdChannel>>(OPERATIONS["channels.list"].path, { workspaceId }, params, () =>
      import("./list-shapes.ts").then((m) => m.channelListShape),
    );

  const { organizationId } = options;
  const scope = () => {
    if (organizationId === undefined) {
      throw new TypeError("bird.webhookSubscriptions: give createBirdClient an organizationId (their path names it)");
    }
    return { organizationId, workspaceId };
  };
  const subscriptions = (
    params?: BirdWebhookSubscriptionListParams,
  ): Paginator<BirdWebhookSubscription, CursorPage<BirdWebhookSubscription>> =>
    list<BirdWebhookSubscription, CursorPage<BirdWebhookSubscription>>(
      OPERATIONS["webhookSubscriptions.list"].path,
      scope(),
      params,
      () => import("./list-shapes.ts").then((m) => m.pagedListShape),
    );

  return {
    /** The underlying openapi-fetch client, typed by the generated `paths`, with the same auth, pacing, timeouts, caps and retries. */
    api: transport.api,
    channels: birdChannelsResource(call, workspaceId, channels),
    webhookSubscriptions: birdWebhookSubscriptionsResource(call, scope, subscriptions, transport.addSecret),
  };
}

/** The client `createBirdClient` returns. */
export interface BirdClient {
  /** The underlying openapi-fetch client, typed by the generated `paths`, with the same auth, pacing, timeouts, caps and retries. */
  readonly api: Transport<paths>["api"];
  /** The workspace's channels. */
  readonly channels: BirdChannelsResource;
  /** The workspace's webhook subscriptions (needs `organizationId`). */
  readonly webhookSubscriptions: BirdWebhookSubscriptionsResource;
}
/** `bird.webhookSubscriptions`. */
export interface BirdWebhookSubscriptionsResource extends ReturnType<typeof birdWebhookSubscriptionsResource> {}
/** `bird.channels`. */
export interface BirdChannelsResource extends ReturnType<typeof birdChannelsResource> {}
