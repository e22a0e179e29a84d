/**
 * Where request budgets are kept. The in-memory store serves one process; a shared store (Redis, a
 * database) implementing the same method lets several processes share one budget.
 */
export interface RateLimitStore {
  /**
   * Reserves the next slot for `key` under a budget of `limit` requests per `windowMs`, and returns how
   * many milliseconds from `now` the caller must wait before sending (0: send now).
   */
  reserve(key: string, limit: number, windowMs: number, now: number): number | Promise<number>;
}

/** A sliding-window log per key, in memory. Reserved slots are kept until they leave the window. */
export class MemoryRateLimitStore implements RateLimitStore {
  readonly #slots = new Map<string, number[]>();

  reserve(key: string, limit: number, windowMs: number, now: number): number {
    const slots = (this.#slots.get(key) ?? []).filter((t) => t > now - windowMs);
    const at = slots.length < limit ? now : Math.max(now, (slots[slots.length - limit] as number) + windowMs);
    slots.push(at);
    this.#slots.set(key, slots);
    return at - now;
  }
}

/** A documented limit, as `x-bsp-rate-limit` declares it in the bundled spec. */
export interface RateLimitRule {
  limit: number;
  windowSeconds: number;
  /** Path parameters whose values each get their own budget. */
  per?: readonly string[];
}

/** Client-side pacing of the documented rate limits. */
export interface RateLimitOptions {
  /**
   * Where budgets are kept.
   * @default new MemoryRateLimitStore()
   */
  store?: RateLimitStore;
}

/** The budget key of one call: the operation plus the values of the rule's `per` parameters. */
export function rateLimitKey(
  operation: string,
  rule: RateLimitRule,
  pathParams: Record<string, unknown> | undefined,
): string {
  return [operation, ...(rule.per ?? []).map((name) => `${name}=${String(pathParams?.[name] ?? "")}`)].join("|");
}

/** Waits `ms`, or rejects with the signal's reason when it aborts first. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    signal?.throwIfAborted();
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
