export { BspError, isBspError } from "./core/bsp-error.ts";
export type {
  AnyBspError,
  ApiError,
  ApiErrorOf,
  DataOf,
  ErrorOf,
  NetworkError,
  TimeoutError,
  UnexpectedError,
} from "./core/error-types.ts";
export type { ListOptions } from "./core/list-query.ts";
export type { OffsetPage } from "./core/offset-pages.ts";
export type { Page, Paginator, ToArrayOptions } from "./core/paginator.ts";
export {
  MemoryRateLimitStore,
  type RateLimitOptions,
  type RateLimitRule,
  type RateLimitStore,
} from "./core/rate-limiter.ts";
export type { Err, Ok, Result } from "./core/result.ts";
export type { RequestLogLine, RetryOptions, TransportOptions } from "./core/transport-options.ts";
export type { RequestOptions } from "./core/typed-call.ts";
export { unwrap } from "./core/unwrap.ts";
