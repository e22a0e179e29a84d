import type { ErrorContext } from "../contract/call.ts";
import type { DriftEvent } from "../contract/client-options.ts";
import type { ErrorBodyReader } from "../contract/error-body.ts";
import type {
  AnyBspError,
  ApiError,
  NetworkError,
  RateLimitedError,
  TimeoutError,
  UnexpectedError,
} from "../contract/error-types.ts";
import type { Outcome } from "../contract/outcome.ts";
import type { Result } from "../contract/result.ts";
import { describeCause, isConnectionRefused } from "../results/read-outcome.ts";
import { fillPath } from "../wire/fill-path.ts";
import { IDEMPOTENT_METHODS, WAIT_STATUSES } from "../wire/http-facts.ts";
import { parseRetryAfter } from "../wire/retry-after.ts";
import { checkShape } from "./check-shape.ts";
import { jsonOf, successValue } from "./read-outcome.ts";

const RAW_BODY_LIMIT = 2000;

/**
 * The one place a call's outcome becomes its result: success data, or one frozen member of the error
 * union. Pure: it reads the outcome and the context and nothing else.
 *
 * `api` means the operation declares the status and the body matches its schema; anything else with
 * a response is `unexpected`, keeping the raw body (redacted, then cut).
 */
export function resultFromOutcome(outcome: Outcome, ctx: ErrorContext): Result<unknown, AnyBspError> {
  if (outcome.type === "rate_limited") return { error: rateLimitedError(outcome.retryAfterMs, ctx) };
  if (outcome.type === "failure") return { error: failureError(outcome, ctx) };
  const { response } = outcome;
  if (response.ok && ctx.step === undefined) {
    const data = successData(outcome, ctx);
    return "error" in data ? { error: data.error, response } : { data: data.value, response };
  }
  return { error: responseError(outcome, ctx), response };
}

function prefix(ctx: ErrorContext): string {
  const request = `${ctx.method} ${ctx.baseUrl ?? ""}${fillPath(ctx.path, ctx.pathParams)}`;
  return ctx.step === "token"
    ? `${request} was not sent: authentication failed at ${ctx.stepOperation ?? "the token request"}, which`
    : request;
}

function successData(
  outcome: Outcome & { type: "response" },
  ctx: ErrorContext,
): { value: unknown } | { error: UnexpectedError } {
  const { response } = outcome;
  const clean = successValue(outcome, ctx.meta);
  if (clean) return clean;
  if (outcome.overCap) return { error: unexpected(outcome, ctx, undefined, overCapDetail(outcome)) };
  const json = jsonOf(outcome);
  if (!json.ok) {
    return {
      error: unexpected(outcome, ctx, undefined, `answered ${response.status} but ${describeNonJson(outcome)}`),
    };
  }
  const mismatch = checkShape(json.value, ctx.meta?.responses[String(response.status)] ?? {});
  return {
    error: unexpected(
      outcome,
      ctx,
      ctx.redactor.redactJson(json.value),
      `answered ${response.status} with a body the spec does not allow (${mismatch?.pointer || "top level"}: ${mismatch?.message})`,
    ),
  };
}

function responseError(outcome: Outcome & { type: "response" }, ctx: ErrorContext): ApiError | UnexpectedError {
  const { response } = outcome;
  const status = response.status;
  if (outcome.overCap) return unexpected(outcome, ctx, undefined, overCapDetail(outcome));
  const json = jsonOf(outcome);
  // Servers echo what they were sent; a credential must not survive in the body we hand back either.
  const body = json.ok ? ctx.redactor.redactJson(json.value) : undefined;
  const { message: apiMessage, traceId } = json.ok ? safeRead(ctx.readBody, body) : {};
  const declared = ctx.meta !== undefined && Object.hasOwn(ctx.meta.responses, String(status));
  const shape = ctx.meta?.responses[String(status)];
  const mismatch = json.ok && shape ? checkShape(body, shape) : undefined;
  const isApi = declared && json.ok && shape !== null && mismatch === undefined;
  let why = "";
  if (!isApi) {
    if (!json.ok) why = describeNonJson(outcome);
    else if (!declared) why = "status not declared by the API spec";
    else if (mismatch)
      why = `body is not the declared error body: ${mismatch.pointer || "top level"}: ${mismatch.message}`;
    else why = "the spec declares no body for this status";
  }
  const violations = describeViolations(response.headers);
  const detail =
    `failed with ${status}${response.statusText ? ` ${response.statusText}` : ""}` +
    `${apiMessage ? `: ${apiMessage}` : ""}${traceId ? ` (trace id ${traceId})` : ""}` +
    `${why ? (json.ok ? ` [${why}]` : `: ${why}`) : ""}` +
    `${violations ? ` [the mock or contract proxy says: ${violations}]` : ""}`;
  if (!isApi) return unexpected(outcome, ctx, body, detail, traceId);
  const wait = WAIT_STATUSES.has(status) ? parseRetryAfter(response.headers, ctx.now) : undefined;
  return Object.freeze({
    kind: "api",
    status,
    body,
    ...base(ctx, detail, traceId),
    ...(wait !== undefined ? { retryAfterMs: wait } : {}),
  }) as ApiError;
}

/**
 * Prism (the mock, the contract proxy) reports what was wrong with a request in its `sl-violations`
 * header, a JSON array of `{ message }`; their messages, or the header's text when it is not JSON.
 */
function describeViolations(headers: Headers): string | undefined {
  const header = headers.get("sl-violations");
  if (!header) return undefined;
  try {
    const parsed: unknown = JSON.parse(header);
    if (Array.isArray(parsed)) {
      const messages = parsed.map((v) => (v as { message?: unknown })?.message).filter((m) => typeof m === "string");
      if (messages.length > 0) return messages.join("; ").slice(0, 500);
    }
  } catch {}
  return header.slice(0, 500);
}

function unexpected(
  outcome: Outcome & { type: "response" },
  ctx: ErrorContext,
  body: unknown,
  detail: string,
  traceId?: string,
): UnexpectedError {
  const { response } = outcome;
  const wait = WAIT_STATUSES.has(response.status) ? parseRetryAfter(response.headers, ctx.now) : undefined;
  return Object.freeze({
    kind: "unexpected",
    status: response.status,
    body,
    // Redacted first, then cut: a secret straddling the cut must not leave half of itself behind.
    rawBody: ctx.redactor.redact(outcome.text).slice(0, RAW_BODY_LIMIT),
    ...base(ctx, detail, traceId),
    ...(wait !== undefined ? { retryAfterMs: wait } : {}),
  }) as UnexpectedError;
}

function base(ctx: ErrorContext, detail: string, traceId?: string) {
  const attempts = ctx.attempts > 1 ? ` after ${ctx.attempts} attempts` : "";
  const stopped =
    ctx.pacingWaitMs === undefined
      ? ""
      : `; not retried: client-side pacing would hold the retry ${Math.ceil(ctx.pacingWaitMs)} ms, longer than rateLimit.maxWait or the call's remaining deadline allow`;
  const message = ctx.redactor.redact(`${prefix(ctx)} ${detail}${attempts}${stopped}`);
  return {
    message,
    attempts: ctx.attempts,
    ...(traceId ? { traceId: ctx.redactor.redact(traceId) } : {}),
    ...(ctx.step ? { step: ctx.step } : {}),
  };
}

function failureError(outcome: Outcome & { type: "failure" }, ctx: ErrorContext): NetworkError | TimeoutError {
  // A POST or PATCH that may have reached the server before the failure: retrying could apply it twice.
  const unsafe =
    ctx.step === undefined &&
    !IDEMPOTENT_METHODS.has(ctx.method) &&
    ctx.attempts > 0 &&
    !isConnectionRefused(outcome.error);
  const extra = unsafe ? { mayHaveBeenProcessed: true as const } : {};
  if (outcome.timedOut) {
    return Object.freeze({
      kind: "timeout",
      timeoutMs: outcome.timeoutMs,
      ...base(ctx, `timed out: no response within ${outcome.timeoutMs} ms`),
      ...extra,
    }) as TimeoutError;
  }
  return Object.freeze({
    kind: "network",
    ...base(ctx, `failed without a response: ${outcome.reason ?? describeCause(outcome.error)}`),
    ...extra,
  }) as NetworkError;
}

function rateLimitedError(retryAfterMs: number, ctx: ErrorContext): RateLimitedError {
  return Object.freeze({
    kind: "rate_limited",
    retryAfterMs,
    ...base(
      ctx,
      `was not sent: client-side pacing of the documented rate limit would wait ${Math.ceil(retryAfterMs)} ms, longer than rateLimit.maxWait or the call's remaining deadline allow`,
    ),
  }) as RateLimitedError;
}

function overCapDetail(outcome: Outcome & { type: "response" }): string {
  return `answered ${outcome.response.status} with a body over the size cap (maxResponseBytes); the rest was not read`;
}

function describeNonJson(outcome: Outcome & { type: "response" }): string {
  const type = outcome.response.headers.get("content-type") ?? "no content type";
  if (outcome.text.length === 0) return "the body is empty where JSON was expected";
  if (/html/i.test(type) || /^\s*</.test(outcome.text)) return `the body is an HTML page (${type}), not JSON`;
  return `the body is not valid JSON (${type})`;
}

function safeRead(reader: ErrorBodyReader, body: unknown) {
  try {
    return reader(body);
  } catch {
    return {};
  }
}

/**
 * A success whose body the client cannot use although it passed the call's own checks: a page
 * without its items, a cursor handed out twice. The same frozen `unexpected` member as any other,
 * thrown by the iterators as a BspError.
 */
export function unusableSuccessError(response: Response, body: unknown, message: string): UnexpectedError {
  let rawBody = "";
  try {
    rawBody = JSON.stringify(body)?.slice(0, RAW_BODY_LIMIT) ?? "";
  } catch {}
  return Object.freeze({ kind: "unexpected", status: response.status, body, rawBody, attempts: 1, message });
}

/** `validateResponses: "error"`: a success body that departs from the spec, with its drifts attached. */
export function driftError(
  outcome: Outcome & { type: "response" },
  ctx: ErrorContext,
  drift: readonly DriftEvent[],
): UnexpectedError {
  const json = jsonOf(outcome);
  const [first] = drift;
  const more = drift.length > 1 ? ` (and ${drift.length - 1} more)` : "";
  const detail = `answered ${outcome.response.status} with a body that departs from the spec: ${first?.pointer}: ${first?.message}${more} [validateResponses: "error"]`;
  const error = unexpected(outcome, ctx, json.ok ? ctx.redactor.redactJson(json.value) : undefined, detail);
  return Object.freeze({ ...error, drift: Object.freeze([...drift]) });
}
