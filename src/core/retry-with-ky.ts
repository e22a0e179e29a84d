import type { Outcome } from "./outcome.ts";
import type { RetryDecision } from "./retry-policy.ts";

/** Thrown into ky for an outcome worth a retry; ky's shouldRetry then asks our decision. */
class RetryableOutcome extends Error {}

/**
 * Hands the retries of a call to ky: ky schedules them (bounded count, the delay, abortable waits,
 * its hooks), and each attempt is ours (`attempt`), so pacing, auth, timeouts, body caps and the
 * outcome stay in one place. ky is imported here, on the first retry, so a call that succeeds at once
 * never loads it, and apps' bundlers put it in a lazy chunk.
 */
export async function retryWithKy(options: {
  url: string;
  first: Outcome;
  limit: number;
  signal: AbortSignal | undefined;
  decide: (outcome: Outcome, retryCount: number) => RetryDecision;
  attempt: () => Promise<Outcome>;
}): Promise<Outcome> {
  const { default: ky } = await import("ky");
  let last = options.first;
  let started = false;
  let retryCount = 0;
  let decision = options.decide(last, 1);
  if (!decision.retry || options.limit <= 0) return last;
  try {
    await ky(options.url, {
      method: "get",
      timeout: false,
      throwHttpErrors: false,
      ...(options.signal ? { signal: options.signal } : {}),
      retry: {
        limit: options.limit,
        methods: ["get"],
        backoffLimit: Number.POSITIVE_INFINITY,
        shouldRetry: () => decision.retry,
        delay: () => (decision.retry ? decision.delayMs : 0),
      },
      fetch: async () => {
        if (started) {
          last = await options.attempt();
          retryCount += 1;
          decision = options.decide(last, retryCount + 1);
        }
        started = true;
        if (decision.retry) throw new RetryableOutcome();
        return new Response(null, { status: 204 });
      },
    });
  } catch (error) {
    if (options.signal?.aborted) throw options.signal.reason;
    if (!(error instanceof RetryableOutcome)) throw error;
  }
  return last;
}
