export type { components, operations, paths } from "../../generated/bird.ts";
export { BspError, isBspError } from "../core/bsp-error.ts";
export type { CursorPage } from "../core/cursor-pages.ts";
export type {
  AnyBspError,
  ApiError,
  ErrorOf,
  NetworkError,
  RateLimitedError,
  TimeoutError,
  UnexpectedError,
} from "../core/error-types.ts";
export type { Paginator } from "../core/paginator.ts";
export type { RequestOptions } from "../core/request-options.ts";
export type { Result } from "../core/result.ts";
export { unwrap } from "../core/unwrap.ts";
export type { BirdChannelListParams } from "./channels-resource.ts";
export {
  BIRD_BASE_URL,
  type BirdChannelsResource,
  type BirdClient,
  type BirdClientOptions,
  createBirdClient,
} from "./create-bird-client.ts";
// Every named object, data and error type (src/bird/types.ts).
export type * from "./types.ts";
