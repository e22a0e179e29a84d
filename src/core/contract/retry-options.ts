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

export type RetryDecision = { retry: false } | { retry: true; delayMs: number; serverAskedMs?: number };
