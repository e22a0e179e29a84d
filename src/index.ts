export type {
  AttemptLogLine,
  ConsoleLogLevel,
  DriftEvent,
  DriftLogLine,
  RateLimitOptions,
  RateLimitPauseLogLine,
  RateLimitWait,
  RateLimitWaitLogLine,
  RequestEvent,
  RequestLogLine,
  ResponseEvent,
  RetryWaitLogLine,
  TransportOptions,
} from "./core/contract/client-options.ts";
export type { Clock } from "./core/contract/clock.ts";
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
} from "./core/contract/error-types.ts";
export type { RateLimitRule } from "./core/contract/operation-meta.ts";
export type {
  RateLimitGrant,
  RateLimitRequest,
  RateLimitSettlement,
  RateLimitSlot,
  RateLimitStore,
} from "./core/contract/rate-limit-store.ts";
export type { RequestOptions } from "./core/contract/request-options.ts";
export type { Err, Ok, Result } from "./core/contract/result.ts";
export type { RetryOptions } from "./core/contract/retry-options.ts";
export { MemoryRateLimitStore } from "./core/features/memory-rate-limit-store.ts";
export type { ListOptions } from "./core/pagination/list-query.ts";
export type { OffsetPage } from "./core/pagination/offset-pages.ts";
export type { Page, Paginator, ToArrayOptions } from "./core/pagination/paginator.ts";
export { BspError, isBspError } from "./core/results/bsp-error.ts";
export { unwrap } from "./core/results/unwrap.ts";
