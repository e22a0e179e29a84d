export { BspError, isBspError } from "./core/bsp-error.ts";
export type { Clock } from "./core/clock.ts";
export type {
  AnyBspError,
  ApiError,
  ApiErrorOf,
  DataOf,
  ErrorOf,
  NetworkError,
  RateLimitedError,
  TimeoutError,
  UnexpectedError,
} from "./core/error-types.ts";
export type { ListOptions } from "./core/list-query.ts";
export type { OffsetPage } from "./core/offset-pages.ts";
export type { RateLimitRule } from "./core/operation-meta.ts";
export type { Page, Paginator, ToArrayOptions } from "./core/paginator.ts";
export {
  MemoryRateLimitStore,
  type RateLimitGrant,
  type RateLimitRequest,
  type RateLimitSettlement,
  type RateLimitSlot,
  type RateLimitStore,
} from "./core/rate-limiter.ts";
export type { RequestOptions } from "./core/request-options.ts";
export type { Err, Ok, Result } from "./core/result.ts";
export type { RetryOptions } from "./core/retry-policy.ts";
export type {
  AttemptLogLine,
  DriftEvent,
  DriftLogLine,
  RateLimitOptions,
  RateLimitPauseLogLine,
  RateLimitWait,
  RateLimitWaitLogLine,
  RequestEvent,
  RequestLogLine,
  ResponseEvent,
  TransportOptions,
} from "./core/transport-options.ts";
export { unwrap } from "./core/unwrap.ts";
