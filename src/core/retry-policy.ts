import type { Outcome } from "./outcome.ts";
import { isConnectionRefused } from "./outcome.ts";
import { parseRetryAfter } from "./retry-after.ts";

/** Retry behaviour. Retries are always bounded by `limit`. */
export interface RetryOptions {
  /**
   * Retries after the first attempt.
   * @default 2
   */
  limit?: number;
  /**
   * Upper bound of one backoff delay, in milliseconds (exponential backoff from 300 ms, full jitter).
   * @default 10000
   */
  backoffLimit?: number;
  /**
   * Longest `Retry-After` / `RateLimit-Reset` we wait for, in milliseconds. When the server asks for
   * longer (or longer than the call's remaining deadline), the call returns the 429 at once with its
   * `retryAfterMs`.
   * @default 60000
   */
  maxRetryAfter?: number;
}

export const RETRY_STATUSES: ReadonlySet<number> = new Set([408, 429, 500, 502, 503, 504]);
/** Methods retried on any retryable outcome; the rest only when the request provably was not processed. */
export const IDEMPOTENT: ReadonlySet<string> = new Set(["GET", "HEAD", "PUT", "DELETE", "OPTIONS"]);

export type RetryDecision = { retry: false } | { retry: true; delayMs: number; serverAskedMs?: number };

/**
 * Whether an outcome is worth another attempt, and after how long. Idempotent methods are retried on
 * network errors, timeouts, 408, 429 and 5xx; a POST or PATCH only when it provably was not processed
 * (a 429, which refuses before processing, or a connection refused before anything was sent). The
 * wait is the server's (`Retry-After`...) or exponential backoff with full jitter; a wait past
 * `maxRetryAfter` or the deadline gives up at once.
 */
export function decideRetry(
  outcome: Outcome,
  method: string,
  retryCount: number,
  policy: Required<RetryOptions>,
  now: number,
  deadlineAt: number,
  random: () => number = Math.random,
): RetryDecision {
  if (outcome.type === "rate_limited") return { retry: false };
  const idempotent = IDEMPOTENT.has(method);
  let serverAskedMs: number | undefined;
  if (outcome.type === "response") {
    const { status } = outcome.response;
    if (!RETRY_STATUSES.has(status)) return { retry: false };
    if (!idempotent && status !== 429) return { retry: false };
    if (status === 429 || status === 503) serverAskedMs = parseRetryAfter(outcome.response.headers, now);
    if (serverAskedMs !== undefined && (serverAskedMs > policy.maxRetryAfter || now + serverAskedMs >= deadlineAt)) {
      return { retry: false };
    }
  } else {
    if (outcome.reason) return { retry: false };
    if (!idempotent && !isConnectionRefused(outcome.error)) return { retry: false };
  }
  const delayMs =
    serverAskedMs ?? Math.floor(random() * Math.min(policy.backoffLimit, 300 * 2 ** Math.max(0, retryCount - 1)));
  if (now + delayMs >= deadlineAt) return { retry: false };
  return serverAskedMs === undefined ? { retry: true, delayMs } : { retry: true, delayMs, serverAskedMs };
}
