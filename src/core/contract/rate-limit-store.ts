/** One request for a slot of a budget. */
export interface RateLimitRequest {
  /** The budget: the bucket plus the values of its `per` parameters (the partner, the workspace...). */
  key: string;
  /** Requests allowed per window. */
  limit: number;
  windowMs: number;
  /** Wait at most this long for a slot; beyond it the store answers `granted: false` at once. */
  maxWaitMs: number;
  /**
   * The longest the slot may be held before it is settled: the attempt's deadline. A slot never
   * settled (its process crashed) counts as ended when its lease runs out, so it cannot block a
   * budget for ever.
   */
  leaseMs: number;
  /** Aborts the wait: the store rejects with the signal's reason and holds nothing for the caller. */
  signal?: AbortSignal | undefined;
  /** Called once, before the store starts waiting, with the expected wait. */
  onWait?: ((waitMs: number) => void) | undefined;
}

/**
 * A slot handed out by a store, held until `settle`. Opaque to the client: it passes the object it
 * was given back to the same store, which may keep its own fields on it.
 */
export interface RateLimitSlot {
  /** The budget the slot belongs to (`RateLimitRequest.key`). */
  readonly key: string;
}

/** What a store answers: a held slot, or how long until one frees up. */
export type RateLimitGrant = { granted: true; slot: RateLimitSlot } | { granted: false; retryAfterMs: number };

/** How the attempt that held a slot ended. */
export interface RateLimitSettlement {
  /**
   * `true`: a request reached (or may have reached) the server; the slot counts for one window from
   * now, on the store's clock, never earlier than the true end. `false`: nothing was sent (refused
   * connection, deadline passed while waiting); the slot is given back at once.
   */
  sent: boolean;
}

/**
 * Where request budgets are kept. The store owns the clock (a shared store uses its server's time) and
 * waits for a slot itself. A slot is held from its grant until its attempt ends, and counts for one
 * window from that end: a server that counts its window at the moment a request arrives never sees
 * more than `limit` requests in any window, whatever the latency.
 */
export interface RateLimitStore {
  /** Waits for a slot within `maxWaitMs`; a granted slot is held until `settle` (or its lease runs out). */
  acquire(request: RateLimitRequest): Promise<RateLimitGrant>;
  /**
   * The attempt that held `slot` ended (response headers received, failed, or abandoned). Called once
   * per grant; a second call for the same slot moves its end later, never earlier.
   */
  settle(slot: RateLimitSlot, settlement: RateLimitSettlement): void | Promise<void>;
  /** The server answered 429 for this budget: hand out no slot for `ms` (every queued call waits). */
  pause(key: string, ms: number): void | Promise<void>;
}
