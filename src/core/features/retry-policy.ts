import type { Outcome } from "../contract/outcome.ts";
import type { RetryDecision, RetryOptions } from "../contract/retry-options.ts";
import { isConnectionRefused } from "../results/read-outcome.ts";
import { IDEMPOTENT_METHODS, RETRYABLE_STATUSES, TOO_MANY_REQUESTS, WAIT_STATUSES } from "../wire/http-facts.ts";
import { parseRetryAfter } from "../wire/retry-after.ts";

/**
 * Whether an outcome is worth another attempt, and after how long. Idempotent methods are retried on
 * network errors, timeouts, 408, 429 and 5xx; a POST or PATCH only when it provably was not processed
 * (a 429, which refuses before processing, or a connection refused before anything was sent). The
 * wait is the server's (`Retry-After`...) or exponential backoff with full jitter; a wait past
 * `maxRetryAfter` or the deadline gives up at once.
 */
export function decideRetry(
  outcome: Outcome,
  {
    method,
    retryCount,
    policy,
    now,
    deadlineAt,
    random = Math.random,
  }: {
    /** Upper-case method of the call. */
    method: string;
    /** 1 for the first retry. */
    retryCount: number;
    policy: Required<RetryOptions>;
    /** The client's clock, now. */
    now: number;
    /** The call's total deadline on the same clock. */
    deadlineAt: number;
    /** Full jitter's source (tests pass a fixed one). */
    random?: () => number;
  },
): RetryDecision {
  if (outcome.type === "rate_limited") return { retry: false };
  const idempotent = IDEMPOTENT_METHODS.has(method);
  let serverAskedMs: number | undefined;
  if (outcome.type === "response") {
    const { status } = outcome.response;
    if (!RETRYABLE_STATUSES.has(status)) return { retry: false };
    if (!idempotent && status !== TOO_MANY_REQUESTS) return { retry: false };
    if (WAIT_STATUSES.has(status)) serverAskedMs = parseRetryAfter(outcome.response.headers, now);
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
