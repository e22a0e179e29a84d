import type { ApiError, NetworkError, TimeoutError, UnexpectedError } from "./error-types.ts";
import type { Redactor } from "./redactor.ts";
import { retryAfterMs } from "./retry-after.ts";

const RAW_BODY_LIMIT = 2000;

/** What a provider can read out of its error bodies. */
export type ErrorBodyReader = (body: unknown) => { message?: string; traceId?: string };

export interface ErrorContext {
  method: string;
  /** The path template, never the filled-in path (IDs stay out of messages and logs). */
  path: string;
  attempts: number;
  redactor: Redactor;
  readBody: ErrorBodyReader;
}

/** Builds the error member for a response that is not a success: `api` when declared, else `unexpected`. */
export function errorFromResponse(
  response: Response,
  text: string,
  declared: readonly number[],
  ctx: ErrorContext,
): ApiError | UnexpectedError {
  const parsed = parseJson(text);
  // Servers echo what they were sent; a credential must not survive in the body we hand back either.
  if (parsed.ok) parsed.value = ctx.redactor.redactJson(parsed.value);
  const { message: apiMessage, traceId } = parsed.ok ? safeRead(ctx.readBody, parsed.value) : {};
  const wait = response.status === 429 || response.status === 503 ? retryAfterMs(response.headers) : undefined;
  const isDeclared = declared.includes(response.status) && parsed.ok && isObject(parsed.value);
  const detail = apiMessage ?? (parsed.ok ? undefined : describeNonJson(response, text));
  const message = ctx.redactor.redact(
    `${ctx.method} ${ctx.path} failed with ${response.status}${response.statusText ? ` ${response.statusText}` : ""}` +
      `${detail ? `: ${detail}` : ""}${traceId ? ` (trace id ${traceId})` : ""}` +
      `${isDeclared ? "" : parsed.ok ? " [status not declared by the API spec]" : ""}` +
      `${ctx.attempts > 1 ? ` after ${ctx.attempts} attempts` : ""}`,
  );
  const base = {
    message,
    attempts: ctx.attempts,
    ...(traceId ? { traceId: ctx.redactor.redact(traceId) } : {}),
    ...(wait !== undefined ? { retryAfterMs: wait } : {}),
  };
  if (isDeclared) return { kind: "api", status: response.status, body: parsed.value, ...base };
  return {
    kind: "unexpected",
    status: response.status,
    body: parsed.ok ? parsed.value : undefined,
    rawBody: ctx.redactor.redact(text.slice(0, RAW_BODY_LIMIT)),
    ...base,
  };
}

/** A 2xx whose body is not the JSON the spec promises (empty, truncated, HTML...). */
export function errorFromBadSuccessBody(response: Response, text: string, ctx: ErrorContext): UnexpectedError {
  return {
    kind: "unexpected",
    status: response.status,
    body: undefined,
    rawBody: ctx.redactor.redact(text.slice(0, RAW_BODY_LIMIT)),
    message: ctx.redactor.redact(
      `${ctx.method} ${ctx.path} answered ${response.status} but ${describeNonJson(response, text)}`,
    ),
    attempts: ctx.attempts,
  };
}

/** Builds the error member for a request that got no response. */
export function errorFromException(error: unknown, timeoutMs: number, ctx: ErrorContext): NetworkError | TimeoutError {
  if (isTimeout(error)) {
    return {
      kind: "timeout",
      timeoutMs,
      attempts: ctx.attempts,
      message: `${ctx.method} ${ctx.path} timed out: no response within ${timeoutMs} ms${ctx.attempts > 1 ? ` (${ctx.attempts} attempts)` : ""}`,
    };
  }
  const reason = describeCause(error);
  return {
    kind: "network",
    attempts: ctx.attempts,
    message: ctx.redactor.redact(
      `${ctx.method} ${ctx.path} failed without a response: ${reason}${ctx.attempts > 1 ? ` (${ctx.attempts} attempts)` : ""}`,
    ),
  };
}

function isTimeout(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { name?: unknown }).name === "TimeoutError";
}

function describeCause(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current && depth < 4; depth++) {
    const e = current as { message?: unknown; code?: unknown; cause?: unknown };
    const text = [typeof e.code === "string" ? e.code : "", typeof e.message === "string" ? e.message : ""]
      .filter(Boolean)
      .join(" ");
    if (text && !parts.includes(text)) parts.push(text);
    current = e.cause;
  }
  return parts.join(": ") || "unknown network error";
}

function describeNonJson(response: Response, text: string): string {
  const type = response.headers.get("content-type") ?? "no content type";
  if (text.length === 0) return "the body is empty where JSON was expected";
  if (/html/i.test(type) || /^\s*</.test(text)) return `the body is an HTML page (${type}), not JSON`;
  return `the body is not valid JSON (${type})`;
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false; value?: never } {
  if (text.length === 0) return { ok: false };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

function safeRead(reader: ErrorBodyReader, body: unknown) {
  try {
    return reader(body);
  } catch {
    return {};
  }
}

function isObject(value: unknown): boolean {
  return typeof value === "object" && value !== null;
}
