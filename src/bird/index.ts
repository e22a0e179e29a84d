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
