import type { RateLimitStore } from "../contract/rate-limit-store.ts";

// Its own file so that checking a store at construction does not pull the in-memory store (loaded
// with pacing, on the first paced call) into the client's initial chunk.

/**
 * A store's methods are checked when a client is built: a store written for an earlier 0.x (without
 * `settle`) fails there, not in the middle of a call.
 */
export function assertRateLimitStore(store: unknown): asserts store is RateLimitStore {
  const s = store as Partial<Record<keyof RateLimitStore, unknown>> | null;
  const missing = (["acquire", "settle", "pause"] as const).filter((m) => typeof s?.[m] !== "function");
  if (typeof store !== "object" || store === null || missing.length > 0) {
    throw new TypeError(
      `rateLimit.store lacks ${missing.join(", ") || "acquire, settle, pause"} (since 0.2 a store settles each slot; see the CHANGELOG)`,
    );
  }
}
