/**
 * Time as the client sees it. Everything that waits (pacing, token back-off, deadlines, Retry-After)
 * takes a clock, so tests drive it without real sleeps.
 */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Resolves after `ms`, or rejects with the signal's reason when it aborts first. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** Calls `callback` after `ms`; returns the function that cancels it. */
  setTimer(ms: number, callback: () => void): () => void;
}
