import type { OperationMeta } from "../contract/operation-meta.ts";
import type { RequestOptions, ResolvedRequestOptions } from "../contract/request-options.ts";
import type { RetryOptions } from "../contract/retry-options.ts";
import { CLIENT_OWNED_HEADERS, MAX_TIMER_MS } from "../wire/http-facts.ts";
import { resolveRetry } from "./call-defaults.ts";

/** The client alone sets the credential headers and the host: per-call headers and hooks may not. */
export function refuseProtectedHeader(
  name: string,
  credentialHeaders: ReadonlySet<string>,
  who: string,
  how: string,
): void {
  const lower = name.toLowerCase();
  if (credentialHeaders.has(lower) || CLIENT_OWNED_HEADERS.includes(lower)) {
    throw new TypeError(`${who}: the header "${name}" cannot be set ${how} (the client sets credentials and the host)`);
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * Checks a call's options before anything is sent (misuse is a TypeError or RangeError at the call
 * site) and lays them over the client's.
 */
export function resolveRequestOptions(
  options: RequestOptions | undefined,
  client: { timeout: number; retry: Required<RetryOptions> },
  credentialHeaders: ReadonlySet<string>,
  operation: string,
): ResolvedRequestOptions {
  if (options === undefined)
    return { signal: undefined, timeout: client.timeout, retry: client.retry, headers: undefined };
  if (typeof options !== "object" || options === null) throw new TypeError(`${operation}: options must be an object`);
  const { signal, timeout = client.timeout, retry, headers } = options;
  if (signal !== undefined && !(signal instanceof AbortSignal)) {
    throw new TypeError(`${operation}: signal must be an AbortSignal`);
  }
  if (typeof timeout !== "number" || !Number.isFinite(timeout) || timeout <= 0 || timeout > MAX_TIMER_MS) {
    throw new RangeError(`${operation}: timeout must be a positive number of milliseconds, got ${String(timeout)}`);
  }
  if (headers !== undefined) {
    if (!isPlainObject(headers))
      throw new TypeError(`${operation}: headers must be an object of header names and values`);
    for (const [name, value] of Object.entries(headers)) {
      refuseProtectedHeader(name, credentialHeaders, operation, "per call");
      if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) throw new TypeError(`${operation}: invalid header name`);
      // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
      if (typeof value !== "string" || /[\u0000-\u001f\u007f]/.test(value)) {
        throw new TypeError(`${operation}: the value of header "${name}" must be a string without control characters`);
      }
    }
  }
  for (const key of ["extraQuery", "extraBody"] as const) {
    if (options[key] !== undefined && !isPlainObject(options[key])) {
      throw new TypeError(`${operation}: ${key} must be a plain object`);
    }
  }
  return {
    signal,
    timeout,
    retry: retry === undefined ? client.retry : resolveRetry(retry, client.retry),
    headers,
  };
}

/** A call's body with `extraBody` merged last; a TypeError when the operation takes no body. */
export function withExtraBody(
  body: unknown,
  extraBody: Record<string, unknown> | undefined,
  meta: OperationMeta | undefined,
  operation: string,
): unknown {
  if (extraBody === undefined) return body;
  if (!meta?.body) throw new TypeError(`${operation} takes no request body, so extraBody cannot be sent`);
  if (body !== undefined && !isPlainObject(body)) {
    throw new TypeError(`${operation}: extraBody can only be merged into an object body`);
  }
  return { ...(body as Record<string, unknown> | undefined), ...extraBody };
}
