export type { components, operations, paths } from "../../generated/360dialog.ts";
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
export type { OffsetPage } from "../core/pagination/offset-pages.ts";
export type { Paginator } from "../core/pagination/paginator.ts";
export { BspError, isBspError } from "../core/results/bsp-error.ts";
export { unwrap } from "../core/results/unwrap.ts";
export type { BalanceDate } from "./balance-dates.ts";
export type { ChannelRef, ClientChannelRef } from "./channels-resource.ts";
export type { ClientRef } from "./clients-resource.ts";
export {
  createDialog360Client,
  DIALOG360_BASE_URL,
  type Dialog360ApiKeyAuth,
  type Dialog360ChannelsResource,
  type Dialog360Client,
  type Dialog360ClientOptions,
  type Dialog360ClientsResource,
  type Dialog360CommonOptions,
  type Dialog360CredentialsAuth,
  type Dialog360PartnerResource,
  type PartnerCredentials,
} from "./create-dialog360-client.ts";
export type {
  ChannelFilters,
  ChannelListParams,
  ChannelSortKey,
  ClientFilters,
  ClientListParams,
  ClientSortKey,
  JsonScalar,
  ListParamsOf,
} from "./list-params.ts";
// Every named object, params, data and error type (src/360dialog/types.ts).
export type * from "./types.ts";
export {
  createWebhookHandler,
  DIALOG360_SIGNATURE_HEADER,
  type Dialog360WebhookEvent,
  type Dialog360WebhookEventName,
  type Dialog360WebhookHandlerOptions,
  type Dialog360WebhookOptions,
  type KnownDialog360WebhookEvent,
  unwrapWebhook,
} from "./webhooks.ts";
