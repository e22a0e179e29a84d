export type { components, operations, paths } from "../../generated/bird.ts";
export type {
  AnyBspError,
  ApiError,
  ErrorOf,
  NetworkError,
  RateLimitedError,
  TimeoutError,
  UnexpectedError,
} from "../core/contract/error-types.ts";
export type { RequestOptions } from "../core/contract/request-options.ts";
export type { Result } from "../core/contract/result.ts";
export type { UnknownWebhookEvent, UnknownWebhookEventName } from "../core/contract/webhook-event.ts";
export type { WebhookCallbacks, WebhookHandlerOptions } from "../core/inbound/create-webhook-handler.ts";
export type { RawWebhookBody } from "../core/inbound/raw-body.ts";
export type { WebhookHeaders } from "../core/inbound/read-header.ts";
export {
  isWebhookVerificationError,
  WebhookVerificationError,
  type WebhookVerificationReason,
} from "../core/inbound/webhook-verification-error.ts";
export type { CursorPage } from "../core/pagination/cursor-pages.ts";
export type { Paginator } from "../core/pagination/paginator.ts";
export { BspError, isBspError } from "../core/results/bsp-error.ts";
export { unwrap } from "../core/results/unwrap.ts";
export type { BirdChannelListParams } from "./channels-resource.ts";
export {
  BIRD_BASE_URL,
  type BirdChannelsResource,
  type BirdClient,
  type BirdClientOptions,
  type BirdWebhookSubscriptionsResource,
  createBirdClient,
} from "./create-bird-client.ts";
// Every named object, data and error type (src/bird/types.ts).
export type * from "./types.ts";
export type { BirdWebhookSubscriptionListParams, WebhookSubscriptionRef } from "./webhook-subscriptions-resource.ts";
export {
  BIRD_SIGNATURE_HEADER,
  BIRD_TIMESTAMP_HEADER,
  type BirdWebhookEvent,
  type BirdWebhookEventName,
  type BirdWebhookHandlerOptions,
  type BirdWebhookOptions,
  createWebhookHandler,
  type KnownBirdWebhookEvent,
  unwrapWebhook,
} from "./webhooks.ts";
