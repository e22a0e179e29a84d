import type { Clock } from "../contract/clock.ts";
import type {
  RateLimitGrant,
  RateLimitRequest,
  RateLimitSettlement,
  RateLimitSlot,
  RateLimitStore,
} from "../contract/rate-limit-store.ts";
import { systemClock } from "../wire/system-clock.ts";

interface MemorySlot extends RateLimitSlot {
  /** Held until then unless settled first (the lease). */
  heldUntil: number;
  /** When its attempt ended; undefined while held. */
  end: number | undefined;
}

/**
 * A sliding-window log per key, in memory: one process's budgets. A slot is held from its grant until
 * its attempt settles it, then counts for one window from that end; a waiting call wakes when a slot
 * could be free (or one is given back) and re-checks the window, so pauses and callers ahead of it
 * are honoured.
 */
export class MemoryRateLimitStore implements RateLimitStore {
  readonly #slots = new Map<string, MemorySlot[]>();
  readonly #pausedUntil = new Map<string, number>();
  readonly #waiters = new Map<string, Set<AbortController>>();
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
      const slots = this.#current(key, now, windowMs);
      const at = Math.max(now, freeAt(slots, limit, now, windowMs), this.#pausedUntil.get(key) ?? 0);
      if (at <= now) {
        const slot: MemorySlot = { key, heldUntil: now + Math.max(0, request.leaseMs), end: undefined };
        slots.push(slot);
        return { granted: true, slot };
      }
      if (at > giveUpAt) return { granted: false, retryAfterMs: at - now };
      if (!announced) {
        announced = true;
        request.onWait?.(at - now);
      }
      await this.#sleep(key, at - now, signal);
    }
  }

  settle(slot: RateLimitSlot, settlement: RateLimitSettlement): void {
    const list = this.#slots.get(slot.key);
    const own = slot as MemorySlot;
    const index = list?.indexOf(own) ?? -1;
    if (settlement.sent) {
      // Whole milliseconds, rounded up: the recorded end is never earlier than the true one.
      own.end = Math.max(own.end ?? 0, Math.ceil(this.#clock.now()));
    } else if (list && index >= 0) {
      list.splice(index, 1);
      for (const waiter of this.#waiters.get(slot.key) ?? []) waiter.abort();
    }
  }

  pause(key: string, ms: number): void {
    const until = this.#clock.now() + ms;
    if (until > (this.#pausedUntil.get(key) ?? 0)) this.#pausedUntil.set(key, until);
  }

  /** The key's slots that still count at `now`; a lease that ran out counts as ended when it ran out. */
  #current(key: string, now: number, windowMs: number): MemorySlot[] {
    const slots = (this.#slots.get(key) ?? []).filter((slot) => {
      if (slot.end === undefined && slot.heldUntil <= now) slot.end = slot.heldUntil;
      return slot.end === undefined || slot.end > now - windowMs;
    });
    this.#slots.set(key, slots);
    return slots;
  }

  /**
   * Sleeps until `ms` has passed or a slot of the key is given back. Nothing else can free a slot
   * sooner: a held slot settles no earlier than now, so it frees no earlier than the wait computed.
   */
  async #sleep(key: string, ms: number, signal: AbortSignal | undefined): Promise<void> {
    const woken = new AbortController();
    const onAbort = () => woken.abort(signal?.reason);
    signal?.addEventListener("abort", onAbort, { once: true });
    const waiters = this.#waiters.get(key) ?? new Set();
    this.#waiters.set(key, waiters.add(woken));
    try {
      await this.#clock.sleep(ms, woken.signal);
    } catch (error) {
      if (signal?.aborted || !woken.signal.aborted) throw error;
    } finally {
      signal?.removeEventListener("abort", onAbort);
      waiters.delete(woken);
      if (waiters.size === 0) this.#waiters.delete(key);
    }
  }
}

/**
 * The earliest moment a slot can free up when `limit` are taken: a settled slot frees one window after
 * its end; a held one no sooner than one window from now (its end is still to come).
 */
function freeAt(slots: readonly MemorySlot[], limit: number, now: number, windowMs: number): number {
  if (slots.length < limit) return now;
  const frees = slots.map((slot) => (slot.end === undefined ? now : slot.end) + windowMs).sort((a, b) => a - b);
  return frees[slots.length - limit] as number;
}
