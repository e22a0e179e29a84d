import type { ErrorStatus, OkStatus } from "openapi-typescript-helpers";
import type { DriftEvent } from "./client-options.ts";

interface ErrorBase {
  /** Readable: method, path as sent (IDs filled in, no query), status, the API's own message, trace id. Never a credential. */
  readonly message: string;
  /** Requests sent for this call, retries and replays included (0 when nothing was sent). */
  readonly attempts: number;
  /** 360dialog's `360dialog_trace_id` (or the provider's equivalent), where the response carried one. */
  readonly traceId?: string;
  /** Set when the failure happened while obtaining a bearer token, before the call itself was sent. */
  readonly step?: "token";
}

/** A status the operation declares, with a body matching its schema; narrowing on `status` narrows `body`. */
export interface ApiError<Status extends number = number, Body = unknown> extends ErrorBase {
  readonly kind: "api";
  readonly status: Status;
  readonly body: Body;
  /** For 429 (and 503): how long the server asked us to wait, from `Retry-After` or `RateLimit-Reset`. */
  readonly retryAfterMs?: number;
}

/**
 * A status the operation does not declare, a declared status whose body is not the declared one (a
 * gateway's HTML or `{"message"}`), a success body that is not the JSON the spec promises, or a body
 * over the size cap.
 */
export interface UnexpectedError extends ErrorBase {
  readonly kind: "unexpected";
  readonly status: number;
  /** The parsed JSON body, or `undefined` when the body is not JSON (or was not read past the cap). */
  readonly body: unknown;
  /** The raw body text, credentials redacted, then cut to 2,000 characters. */
  readonly rawBody: string;
  readonly retryAfterMs?: number;
  /** With `validateResponses: "error"`: how a success body departed from the spec. */
  readonly drift?: readonly DriftEvent[];
}

/** No response: DNS failure, connection refused or reset, a redirect loop or a refused redirect. */
export interface NetworkError extends ErrorBase {
  readonly kind: "network";
  /** A POST or PATCH that may have reached the server: retrying it could apply it twice. */
  readonly mayHaveBeenProcessed?: true;
}

/** No response within the per-attempt `timeout`, or the call's total deadline passed. */
export interface TimeoutError extends ErrorBase {
  readonly kind: "timeout";
  readonly timeoutMs: number;
  /** A POST or PATCH that may have reached the server: retrying it could apply it twice. */
  readonly mayHaveBeenProcessed?: true;
}

/** Client-side: pacing would have waited longer than `rateLimit.maxWait` (or the deadline); nothing was sent. */
export interface RateLimitedError extends ErrorBase {
  readonly kind: "rate_limited";
  /** When a slot frees up, in milliseconds from now. */
  readonly retryAfterMs: number;
}

/** Any member of any error union. */
export type AnyBspError = ApiError | UnexpectedError | NetworkError | TimeoutError | RateLimitedError;

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
export type ErrorOf<Op> = ApiErrorOf<Op> | UnexpectedError | NetworkError | TimeoutError | RateLimitedError;

/** The JSON body of an operation's success response. */
export type DataOf<Op> = JsonBody<Responses<Op>[Extract<keyof Responses<Op>, OkStatus>]>;
