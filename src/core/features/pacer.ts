import type { Call } from "../contract/call.ts";
import type { RequestLogLine, ResolvedTransportOptions } from "../contract/client-options.ts";
import type { Clock } from "../contract/clock.ts";
import type { Outcome } from "../contract/outcome.ts";
import type { RateLimitSlot, RateLimitStore } from "../contract/rate-limit-store.ts";
import { callSafely } from "../wire/call-safely.ts";
import { TOO_MANY_REQUESTS, UNAUTHORIZED } from "../wire/http-facts.ts";
import { type Budget, budgetOf } from "../wire/rate-limit-budget.ts";
import { parseRetryAfter } from "../wire/retry-after.ts";
import { MemoryRateLimitStore } from "./memory-rate-limit-store.ts";

/** What pacing gave one attempt: permission to send (with the slot it holds), or the rate_limited outcome. */
export type Pace =
  | { limited: Outcome }
  | { limited?: never; slots: AttemptSlots | undefined; waitMs: number | undefined };

/** What a sent request does with the slots of its attempt (see `sendAttempt`). */
export interface RequestSlots {
  /**
   * The current request ended: its response headers arrived (`status`), it failed, or it was
   * abandoned. `sent: false` (nothing reached the server) gives the slot back.
   */
  ended(sent: boolean, status?: number): void;
  /**
   * Another request of the same attempt is about to go out (a redirect hop): undefined once it holds a
   * slot, otherwise why it may not be sent. The wait ends with `signal` (the attempt's).
   */
  another(signal: AbortSignal): Promise<string | undefined>;
}

type Paced = { store: RateLimitStore } & Omit<Exclude<ResolvedTransportOptions["rateLimit"], false>, "store">;

/**
 * The slots of one attempt: held from the grant until the request ends, then settled with the store,
 * which counts each from that end. A 401 that a token replay will follow keeps its slot held for the
 * replay (`keptFor401`): the server refused it for authentication, so the replay is not a new request
 * against the budget.
 */
export class AttemptSlots implements RequestSlots {
  /** Set when the attempt's 401 will be replayed with a fresh token: the slot is kept for the replay. */
  keepOn401 = false;
  keptFor401: RateLimitSlot | undefined;
  #slot: RateLimitSlot | undefined;
  /** The current slot is a 401's, reused by its replay: its first request reached the server. */
  #reused: boolean;
  readonly #settling: Promise<void>[] = [];
  readonly #store: RateLimitStore;
  readonly #next: (signal: AbortSignal) => Promise<{ slot: RateLimitSlot } | { refused: string }>;

  constructor(
    store: RateLimitStore,
    slot: RateLimitSlot,
    next: (signal: AbortSignal) => Promise<{ slot: RateLimitSlot } | { refused: string }>,
    reused = false,
  ) {
    this.#store = store;
    this.#slot = slot;
    this.#next = next;
    this.#reused = reused;
  }

  ended(sent: boolean, status?: number): void {
    const slot = this.#slot;
    if (!slot) return;
    this.#slot = undefined;
    // A reused slot is never given back: the 401'd request it was granted for was counted by the server.
    const counted = sent || this.#reused;
    this.#reused = false;
    if (counted && status === UNAUTHORIZED && this.keepOn401) {
      this.keptFor401 = slot;
      return;
    }
    this.#settle(slot, counted);
  }

  /** Hands the slot kept after a 401 to the replay (which then holds it), or undefined. */
  takeKept(): RateLimitSlot | undefined {
    const kept = this.keptFor401;
    this.keptFor401 = undefined;
    return kept;
  }

  async another(signal: AbortSignal): Promise<string | undefined> {
    this.ended(true);
    const next = await this.#next(signal);
    if ("refused" in next) return next.refused;
    this.#slot = next.slot;
    return undefined;
  }

  /** Settles the slot kept for a replay that will not happen: it counts from now (later than its request's end, never earlier). */
  async settleKept(): Promise<void> {
    const kept = this.keptFor401;
    this.keptFor401 = undefined;
    if (kept) this.#settle(kept, true);
    await this.settled();
  }

  /** Waits until the store has recorded every settlement of this attempt. */
  async settled(): Promise<void> {
    this.ended(true);
    await Promise.all(this.#settling.splice(0));
  }

  #settle(slot: RateLimitSlot, sent: boolean): void {
    this.#settling.push(
      (async () => {
        try {
          await this.#store.settle(slot, { sent });
        } catch {
          // A store that cannot record the end (a shared store gone down) lets the lease expire instead.
        }
      })(),
    );
  }
}

/**
 * Client-side pacing of the documented rate limits (`x-bsp-rate-limit`), per request: first attempts,
 * retries and redirect hops take a slot right before they are sent, and hold it until they end; a 401
 * replay reuses the slot of the attempt it replays. The wait is abortable, bounded by
 * `rateLimit.maxWait` and the call's remaining deadline, and reported before it starts; a server's
 * 429 pauses the budget for every queued call.
 */
export function createPacer(
  rateLimit: ResolvedTransportOptions["rateLimit"],
  clock: Clock,
  /** The client's logger: it gets a `rate_limit_wait` line before a wait starts, and a `rate_limit_pause` line when a 429 pauses a budget. */
  logger?: (line: RequestLogLine) => unknown,
): Pacer {
  // Without a store of its own, the client paces in memory (one store per client, on its clock).
  const paced = rateLimit && { ...rateLimit, store: rateLimit.store ?? new MemoryRateLimitStore({ clock }) };
  return new Pacer(paced, clock, (line) => callSafely(logger, line));
}

/** One client's pacing (see `createPacer`). */
export class Pacer {
  readonly #paced: Paced | false;
  readonly #clock: Clock;
  readonly #log: (line: RequestLogLine) => void;

  constructor(paced: Paced | false, clock: Clock, log: (line: RequestLogLine) => void) {
    this.#paced = paced;
    this.#clock = clock;
    this.#log = log;
  }

  /** A slot for the attempt about to be sent, or `reuse` (the slot a 401's attempt kept for its replay). */
  async acquire(call: Call, deadlineAt: number, reuse?: RateLimitSlot): Promise<Pace> {
    const budget = budgetOf(call);
    const paced = this.#paced;
    if (!budget || !paced) return { slots: undefined, waitMs: undefined };
    const hop = (signal: AbortSignal) => this.#hopSlot(paced, call, budget, deadlineAt, signal);
    if (reuse) return { slots: new AttemptSlots(paced.store, reuse, hop, true), waitMs: undefined };
    const started = this.#clock.now();
    let answer: Awaited<ReturnType<RateLimitStore["acquire"]>>;
    try {
      answer = await this.#grant(paced, call, budget, deadlineAt, call.options.signal);
    } catch (error) {
      // The caller's abort rejects the call; a store that fails (a shared store whose backend is
      // down, with onUnavailable "fail") fails it as a network error, with nothing sent.
      if (call.options.signal?.aborted) throw error;
      return { limited: { type: "failure", error, timedOut: false, timeoutMs: 0, reason: storeFailure(error) } };
    }
    if (!answer.granted) return { limited: { type: "rate_limited", retryAfterMs: answer.retryAfterMs } };
    const waited = this.#clock.now() - started;
    return {
      slots: new AttemptSlots(paced.store, answer.slot, hop),
      waitMs: waited >= 1 ? Math.round(waited) : undefined,
    };
  }

  /** A 429 with a wait pauses the budget it was counted in, and says so. */
  async observe(call: Call, outcome: Outcome): Promise<void> {
    const budget = budgetOf(call);
    const paced = this.#paced;
    if (!budget || !paced || outcome.type !== "response" || outcome.response.status !== TOO_MANY_REQUESTS) return;
    const wait = parseRetryAfter(outcome.response.headers, this.#clock.now());
    if (wait === undefined || wait <= 0) return;
    const { method, path } = call;
    this.#log({ event: "rate_limit_pause", method, path, pauseMs: Math.round(wait), key: budget.key });
    await paced.store.pause(budget.key, wait);
  }

  /** A slot for a redirect hop of the attempt, under the attempt's signal. */
  async #hopSlot(
    paced: Paced,
    call: Call,
    budget: Budget,
    deadlineAt: number,
    signal: AbortSignal,
  ): Promise<{ slot: RateLimitSlot } | { refused: string }> {
    try {
      const hop = await this.#grant(paced, call, budget, deadlineAt, signal);
      if (hop.granted) return { slot: hop.slot };
      return {
        refused: `client-side pacing would wait ${Math.ceil(hop.retryAfterMs)} ms for the redirect's slot, longer than rateLimit.maxWait or the call's remaining deadline allow`,
      };
    } catch (error) {
      if (signal.aborted) throw error;
      return { refused: storeFailure(error) };
    }
  }

  /** Asks the store for a slot: waits at most maxWait and the rest of the deadline; the wait is logged and reported first. */
  #grant(paced: Paced, call: Call, budget: Budget, deadlineAt: number, signal: AbortSignal | undefined) {
    const started = this.#clock.now();
    const operation = `${call.method} ${call.path}`;
    return paced.store.acquire({
      ...budget,
      maxWaitMs: Math.min(paced.maxWait, deadlineAt - started),
      // The attempt's deadline: its timeout, within what is left of the call's.
      leaseMs: Math.max(0, Math.min(call.options.timeout, deadlineAt - started)),
      signal,
      onWait: (waitMs) => {
        const { method, path } = call;
        this.#log({ event: "rate_limit_wait", method, path, waitMs: Math.round(waitMs), key: budget.key });
        callSafely(paced.onRateLimit, { operation, waitMs, key: budget.key });
      },
    });
  }
}

function storeFailure(error: unknown): string {
  return `the rate-limit store failed: ${error instanceof Error ? error.message : String(error)}`;
}
