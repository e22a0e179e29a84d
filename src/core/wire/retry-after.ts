/** Values above this many seconds are read as a Unix time rather than a delay (2001-09-09). */
const EPOCH_SECONDS_THRESHOLD = 1_000_000_000;
const DELTA = /^\d+(?:\.\d+)?$/;

/**
 * How long the server asks us to wait, in milliseconds; the one parser retries, pacing and errors
 * share. Reads `Retry-After` (delay seconds, decimals accepted, or an HTTP-date), then
 * `RateLimit-Reset` and `X-RateLimit-Reset` (delay seconds, or a Unix time in seconds when the value
 * is too large to be a delay). Returns undefined when no header is usable, never a negative wait.
 */
export function parseRetryAfter(headers: Headers, now: number): number | undefined {
  const retryAfter = headers.get("retry-after");
  if (retryAfter !== null) {
    const value = retryAfter.trim();
    if (DELTA.test(value)) return Math.ceil(Number(value) * 1000);
    // HTTP-date: IMF-fixdate (and the obsolete forms Date.parse also reads). A bare number with a
    // sign or exponent is neither form and is ignored.
    if (/[a-z]/i.test(value)) {
      const date = Date.parse(value);
      if (!Number.isNaN(date)) return Math.max(0, date - now);
    }
  }
  for (const name of ["ratelimit-reset", "x-ratelimit-reset"]) {
    const value = headers.get(name)?.trim();
    if (!value || !DELTA.test(value)) continue;
    const seconds = Number(value);
    if (seconds >= EPOCH_SECONDS_THRESHOLD) return Math.max(0, Math.ceil(seconds * 1000 - now));
    return Math.ceil(seconds * 1000);
  }
  return undefined;
}
