import type { ErrorStatus, OkStatus } from "openapi-typescript-helpers";

interface ErrorBase {
  /** Readable: method, path template, status, the API's own message, trace id. Never a credential. */
  message: string;
  /** Requests made for this call, retries included (0 when nothing was sent). */
  attempts: number;
  /** 360dialog's `360dialog_trace_id` (or the provider's equivalent), where the response carried one. */
  traceId?: string;
}

/** A status the operation declares; narrowing on `status` narrows `body` to that status's schema. */
export interface ApiError<Status extends number = number, Body = unknown> extends ErrorBase {
  kind: "api";
  status: Status;
  body: Body;
  /** For 429 (and 503): how long the server asked us to wait, from `Retry-After` or `RateLimit-Reset`. */
  retryAfterMs?: number;
}

/** A status the operation does not declare, or a body that is not the JSON the spec promises. */
export interface UnexpectedError extends ErrorBase {
  kind: "unexpected";
  status: number;
  /** The parsed JSON body, or `undefined` when the body is not JSON. */
  body: unknown;
  /** The raw body text, truncated to 2,000 characters. */
  rawBody: string;
  retryAfterMs?: number;
}

/** No response: DNS failure, connection refused or reset. */
export interface NetworkError extends ErrorBase {
  kind: "network";
}

/** No response within the per-attempt `timeout` (or the total deadline). */
export interface TimeoutError extends ErrorBase {
  kind: "timeout";
  timeoutMs: number;
}

/** Any member of any error union. */
export type AnyBspError = ApiError | UnexpectedError | NetworkError | TimeoutError;

type Responses<Op> = Op extends { responses: infer R } ? R : never;
type JsonBody<R> = R extends { content: { "application/json": infer B } }
  ? B
  : R extends { content?: never }
    ? undefined
    : unknown;
type DeclaredErrorStatus<Op> = Extract<keyof Responses<Op>, Extract<ErrorStatus, number>>;

/** The `kind: "api"` members of an operation: one per declared error status. */
export type ApiErrorOf<Op> = {
  [S in DeclaredErrorStatus<Op>]: ApiError<S, JsonBody<Responses<Op>[S]>>;
}[DeclaredErrorStatus<Op>];

/** The full error union of an operation (from its generated type in `operations`). */
export type ErrorOf<Op> = ApiErrorOf<Op> | UnexpectedError | NetworkError | TimeoutError;

/** The JSON body of an operation's success response. */
export type DataOf<Op> = JsonBody<Responses<Op>[Extract<keyof Responses<Op>, OkStatus>]>;
