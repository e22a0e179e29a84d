import ky from "ky";
import type { Call, WireRequest } from "../contract/call.ts";
import type { RetryWaitLogLine } from "../contract/client-options.ts";
import type { Outcome } from "../contract/outcome.ts";
import type { RetryDecision } from "../contract/retry-options.ts";
import { HTTP_METHODS, NO_BODY_STATUSES } from "../wire/http-facts.ts";
import { budgetOf } from "../wire/rate-limit-budget.ts";

/** An attempt that got no response, as ky sees it: a failed fetch. */
class AttemptFailed extends Error {}

/**
 * The retries of a call, scheduled by ky: its retry loop (the count, the delay between attempts, the
 * caller's abort of a wait) drives the call's own request through ky's `fetch` seam, and each attempt
 * is ours (`attempt`: pacing, auth, timeouts, the body cap), answered to ky as the Response it came to
 * (or a thrown failure). Which outcome is retried, and after how long, is the retry policy's
 * (`decide`: method safety, Retry-After, the deadline), given to ky as `shouldRetry` and `delay`.
 * Loaded with the first outcome worth a retry (ky lands in that lazy chunk). ky waits with the
 * platform's timers, not the client's clock: tests that cross a retry use a zero delay.
 */
export async function retryWithKy(options: {
  request: WireRequest;
  first: Outcome;
  limit: number;
  signal: AbortSignal | undefined;
  decide: (outcome: Outcome, retryCount: number) => RetryDecision;
  attempt: () => Promise<Outcome>;
  /** Told before each wait for a retry, with the outcome that is retried. */
  onWait?: (decision: RetryDecision & { retry: true }, outcome: Outcome, attempt: number) => void;
}): Promise<Outcome> {
  const { request } = options;
  let last = options.first;
  let decision = options.decide(last, 1);
  if (!decision.retry || options.limit <= 0) return last;
  let retries = -1;
  try {
    await ky(request.url, {
      method: request.method,
      headers: request.headers,
      ...(request.body !== undefined && request.body !== null ? { body: request.body } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
      timeout: false,
      retry: {
        limit: options.limit,
        methods: [...HTTP_METHODS],
        backoffLimit: Number.POSITIVE_INFINITY,
        shouldRetry: () => decision.retry,
        delay: () => {
          if (!decision.retry) return 0;
          options.onWait?.(decision, last, retries + 2);
          return decision.delayMs;
        },
      },
      // The first outcome is already in: ky's first fetch reports it, each later one is an attempt.
      fetch: async () => {
        retries += 1;
        if (retries > 0) {
          last = await options.attempt();
          decision = options.decide(last, retries + 1);
        }
        return answer(last);
      },
    });
  } catch (error) {
    if (options.signal?.aborted) throw options.signal.reason;
    // ky gives up with the last outcome as its error (an HTTPError, or the failure we threw).
    if (!(error instanceof AttemptFailed) && !(error instanceof Error && error.name === "HTTPError")) throw error;
  }
  return last;
}

/** An outcome as ky's fetch answers it: the response itself (status, headers, body), or a failure thrown. */
function answer(outcome: Outcome): Response {
  if (outcome.type !== "response") throw new AttemptFailed(outcome.type);
  const { response } = outcome;
  return new Response(NO_BODY_STATUSES.has(response.status) ? null : outcome.text, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}

/** The line logged before a retry waits: why, how long, and the budget when the operation has one. */
export function retryWaitLine(
  call: Call,
  decision: RetryDecision & { retry: true },
  retried: Outcome,
  attempt: number,
): RetryWaitLogLine {
  const key = budgetOf(call)?.key;
  return {
    event: "retry_wait",
    method: call.method,
    path: call.path,
    attempt,
    waitMs: Math.round(decision.delayMs),
    reason: decision.serverAskedMs === undefined ? "backoff" : "retry-after",
    ...(retried.type === "response" ? { status: retried.response.status } : {}),
    ...(key ? { key } : {}),
  };
}
