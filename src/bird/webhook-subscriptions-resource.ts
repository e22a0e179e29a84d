import type { paths } from "../../generated/bird.ts";
import type { typedCall } from "../core/call/typed-call.ts";
import type { RequestOptions } from "../core/contract/request-options.ts";
import type { Result } from "../core/contract/result.ts";
import type { CursorPage } from "../core/pagination/cursor-pages.ts";
import type { Paginator } from "../core/pagination/paginator.ts";
import { OPERATIONS } from "./operations.ts";
import type {
  BirdWebhookSubscription,
  BirdWebhookSubscriptionCreateData,
  BirdWebhookSubscriptionCreateError,
  BirdWebhookSubscriptionCreateParams,
  BirdWebhookSubscriptionDeleteData,
  BirdWebhookSubscriptionDeleteError,
  BirdWebhookSubscriptionGetData,
  BirdWebhookSubscriptionGetError,
} from "./types.ts";

/** Parameters of `bird.webhookSubscriptions.list`: paging and per-call options. */
export interface BirdWebhookSubscriptionListParams extends Omit<RequestOptions, "extraBody"> {
  /**
   * Subscriptions per request (the API's `limit`, 1 to 100).
   * @default 100
   */
  pageSize?: number;
  /**
   * Stop after this many subscriptions.
   * @default Infinity
   */
  maxItems?: number;
}

/** Names a webhook subscription of the workspace. */
export interface WebhookSubscriptionRef {
  webhookSubscriptionId: string;
}

/**
 * The workspace's webhook subscriptions (Bird's Notifications API): where Bird delivers its events.
 * Their path names the organization, so the client needs `organizationId`.
 */
export function birdWebhookSubscriptionsResource(
  call: ReturnType<typeof typedCall<paths>>,
  scope: () => { organizationId: string; workspaceId: string },
  list: (
    params?: BirdWebhookSubscriptionListParams,
  ) => Paginator<BirdWebhookSubscription, CursorPage<BirdWebhookSubscription>>,
  addSecret: (secret: string | undefined) => void,
) {
  return {
    /**
     * Lists the workspace's webhook subscriptions (lazy, follows `nextPageToken`).
     * @example
     * for await (const subscription of bird.webhookSubscriptions.list()) console.log(subscription.event, subscription.url);
     */
    list,
    /**
     * Subscribes a URL to an event; with `signingKey`, each delivery is signed (verify it with
     * `unwrapWebhook`). The signing key is redacted from every message and log line of the client.
     * @example
     * const { data } = await bird.webhookSubscriptions.create({
     *   service: "channels",
     *   event: "channel.created",
     *   url: "https://example.com/webhooks/bird",
     *   signingKey: process.env.BIRD_SIGNING_KEY,
     * });
     */
    create: (
      body: BirdWebhookSubscriptionCreateParams,
      options?: RequestOptions,
    ): Promise<Result<BirdWebhookSubscriptionCreateData, BirdWebhookSubscriptionCreateError>> => {
      addSecret(body?.signingKey);
      return call(OPERATIONS["webhookSubscriptions.create"], { path: scope(), body }, options);
    },
    /**
     * Retrieves one webhook subscription.
     * @example
     * const { data } = await bird.webhookSubscriptions.get({ webhookSubscriptionId: "123e4567-e89b-12d3-a456-426614174000" });
     */
    get: (
      ref: WebhookSubscriptionRef,
      options?: RequestOptions,
    ): Promise<Result<BirdWebhookSubscriptionGetData, BirdWebhookSubscriptionGetError>> =>
      call(
        OPERATIONS["webhookSubscriptions.get"],
        { path: { ...scope(), webhookSubscriptionId: ref?.webhookSubscriptionId } },
        options,
      ),
    /**
     * Deletes a webhook subscription: Bird stops delivering to its URL.
     * @example
     * await bird.webhookSubscriptions.delete({ webhookSubscriptionId: "123e4567-e89b-12d3-a456-426614174000" });
     */
    delete: (
      ref: WebhookSubscriptionRef,
      options?: RequestOptions,
    ): Promise<Result<BirdWebhookSubscriptionDeleteData, BirdWebhookSubscriptionDeleteError>> =>
      call(
        OPERATIONS["webhookSubscriptions.delete"],
        { path: { ...scope(), webhookSubscriptionId: ref?.webhookSubscriptionId } },
        options,
      ),
  };
}
