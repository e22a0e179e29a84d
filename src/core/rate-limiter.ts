import { type Clock, systemClock } from "./clock.ts";

/** One request for a slot of a budget. */
export interface RateLimitRequest {
  /** The budget: the bucket plus the values of its `per` parameters (the partner, the workspace...). */
  key: string;
  /** Requests allowed per window. */
  limit: number;
  windowMs: number;
  /** Wait at most this long for a slot; beyond it the store answers `granted: false` at once. */
  maxWaitMs: number;
  /** Aborts the wait: the store rejects with the signal's reason and holds nothing for the caller. */
  signal?: AbortSignal | undefined;
  /** Called once, before the store starts waiting, with the expected wait. */
  onWait?: ((waitMs: number) => void) | undefined;
}

/** What a store answers: a slot (with a way to give it back), or how long until one frees up. */
export type RateLimitGrant =
  | {
      granted: true;
      /** Gives the slot back: the request was not sent after all (aborted or failed before sending). */
      release(): void | Promise<void>;
    }
  | { granted: false; retryAfterMs: number };

/**
 * Where request budgets are kept. The store owns the clock (a shared store uses its server's time),
 * waits for a slot itself, and never hands out more than `limit` slots in any window of `windowMs`.
 */
export interface RateLimitStore {
  /** Waits for a slot within `maxWaitMs`; a slot taken is counted from the moment it is granted. */
  acquire(request: RateLimitRequest): Promise<RateLimitGrant>;
  /** The server answered 429 for this budget: hand out no slot for `ms` (every queued call waits). */
  pause(key: string, ms: number): void | Promise<void>;
}

/**
 * A sliding-window log per key, in memory: one process's budgets. A waiting call re-checks the window
 * when it wakes, so slots given back, a pause set while it slept, and callers ahead of it are all
 * honoured; a grant is recorded at the moment it is given, right before the request is sent.
 */
export class MemoryRateLimitStore implements RateLimitStore {
  readonly #slots = new Map<string, number[]>();
  readonly #pausedUntil = new Map<string, number>();
  readonly #clock: Clock;

  constructor(options: { clock?: Clock } = {}) {
    this.#clock = options.clock ?? systemClock;
  }

  async acquire(request: RateLimitRequest): Promise<RateLimitGrant> {
    const { key, limit, windowMs, signal } = request;
    const giveUpAt = this.#clock.now() + Math.max(0, request.maxWaitMs);
    let announced = false;
    for (;;) {
      signal?.throwIfAborted();
      const now = this.#clock.now();
      const slots = (this.#slots.get(key) ?? []).filter((t) => t > now - windowMs);
      this.#slots.set(key, slots);
      const paused = this.#pausedUntil.get(key) ?? 0;
      const free = slots.length < limit ? now : (slots[slots.length - limit] as number) + windowMs;
      const at = Math.max(now, free, paused);
      if (at <= now) {
        slots.push(now);
        let released = false;
        return {
          granted: true,
          release: () => {
            if (released) return;
            released = true;
            const list = this.#slots.get(key);
            const index = list?.lastIndexOf(now) ?? -1;
            if (list && index >= 0) list.splice(index, 1);
          },
        };
      }
      if (at > giveUpAt) return { granted: false, retryAfterMs: at - now };
      if (!announced) {
        announced = true;
        request.onWait?.(at - now);
      }
      await this.#clock.sleep(at - now, signal);
    }
  }

  pause(key: string, ms: number): void {
    const until = this.#clock.now() + ms;
    if (until > (this.#pausedUntil.get(key) ?? 0)) this.#pausedUntil.set(key, until);
  }
}
