import type { Clock } from "./clock.ts";
import type { Outcome } from "./outcome.ts";
import { parseRetryAfter } from "./retry-after.ts";
import type { CallContext } from "./transport.ts";
import type { ResolvedTransportOptions } from "./transport-options.ts";

/** What pacing gave one attempt: permission to send, or the rate_limited outcome (nothing sent). */
export type Pace =
  | { limited: Outcome }
  | { limited?: never; release: (() => void | Promise<void>) | undefined; waitMs: number | undefined };

/**
 * Client-side pacing of the documented rate limits (`x-bsp-rate-limit`), per attempt: retries and
 * replays take a slot like first attempts, right before they are sent, so the budget holds over any
 * window. The wait is abortable, bounded by `rateLimit.maxWait` and the call's remaining deadline,
 * and reported before it starts; a server's 429 pauses the budget for every queued call.
 */
export function createPacer(
  rateLimit: ResolvedTransportOptions["rateLimit"],
  clock: Clock,
  /** Told before a wait starts (the transport logs it when a logger is set). */
  onWait?: (ctx: CallContext, waitMs: number, key: string) => void,
) {
  const keyOf = (ctx: CallContext): string | undefined => {
    const rule = ctx.meta?.rateLimit;
    if (!rule || !rateLimit) return undefined;
    const per = (rule.per ?? []).map((name) => `${name}=${String(ctx.pathParams?.[name] ?? "")}`);
    return [rule.bucket ?? `${ctx.method} ${ctx.path}`, ...per].join("|");
  };
  return {
    async acquire(ctx: CallContext, deadlineAt: number): Promise<Pace> {
      const key = keyOf(ctx);
      const rule = ctx.meta?.rateLimit;
      if (!key || !rule || !rateLimit) return { release: undefined, waitMs: undefined };
      const started = clock.now();
      let grant: Awaited<ReturnType<typeof rateLimit.store.acquire>>;
      try {
        grant = await rateLimit.store.acquire({
          key,
          limit: rule.limit,
          windowMs: rule.windowSeconds * 1000,
          maxWaitMs: Math.min(rateLimit.maxWait, deadlineAt - started),
          signal: ctx.options.signal,
          onWait: (waitMs) => {
            onWait?.(ctx, waitMs, key);
            try {
              rateLimit.onRateLimit?.({ operation: `${ctx.method} ${ctx.path}`, waitMs, key });
            } catch {
              // A failing callback must not fail the call.
            }
          },
        });
      } catch (error) {
        // The caller's abort rejects the call; a store that fails (a shared store whose backend is
        // down, with onUnavailable "fail") fails it as a network error, with nothing sent.
        if (ctx.options.signal?.aborted) throw error;
        const reason = `the rate-limit store failed: ${error instanceof Error ? error.message : String(error)}`;
        return { limited: { type: "failure", error, timedOut: false, timeoutMs: 0, reason } };
      }
      if (!grant.granted) return { limited: { type: "rate_limited", retryAfterMs: grant.retryAfterMs } };
      const waited = clock.now() - started;
      return { release: grant.release, waitMs: waited >= 1 ? Math.round(waited) : undefined };
    },

    /** A 429 with a wait pauses the budget it was counted in. */
    async observe(ctx: CallContext, outcome: Outcome): Promise<void> {
      const key = keyOf(ctx);
      if (!key || !rateLimit || outcome.type !== "response" || outcome.response.status !== 429) return;
      const wait = parseRetryAfter(outcome.response.headers, clock.now());
      if (wait !== undefined && wait > 0) await rateLimit.store.pause(key, wait);
    },
  };
}
