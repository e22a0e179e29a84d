import type { Call, SettledCall, WireRequest } from "../contract/call.ts";
import type { Outcome } from "../contract/outcome.ts";
import type { RetryDecision } from "../contract/retry-options.ts";
import { UNAUTHORIZED } from "../wire/http-facts.ts";
import type { Credential } from "./auth.ts";
import type { ClientState } from "./client-state.ts";
import { type CallProgress, runAttempt } from "./run-attempt.ts";

/**
 * One call's lifecycle after it is built, down to its settled outcome: authenticate, then the attempts
 * (each paced, sent, read and decided; a retryable outcome hands the retries to ky), then, after a 401
 * to a bearer token, one replay with a fresh token (on the same rate-limit slot).
 */
export async function runCall(state: ClientState, call: Call, request: WireRequest): Promise<SettledCall> {
  const progress: CallProgress = {
    deadlineAt: state.options.clock.now() + state.options.totalTimeout,
    attempts: 0,
    mayReplay: false,
    lastSlots: undefined,
    replaying: false,
  };
  let unauthorized: Outcome | undefined;
  try {
    for (let replayed = false; ; replayed = true) {
      const pending = state.auth.authenticate(call);
      const credential = pending instanceof Promise ? await pending : pending;
      if (credential && "failure" in credential) {
        // The refresh for a replay failed: the call ends with the 401 it got, which was sent.
        return unauthorized ? { outcome: unauthorized, attempts: progress.attempts } : credential.failure;
      }
      applyHeaders(call, request, credential);
      progress.mayReplay = !replayed && credential?.token !== undefined;
      const { outcome, pacingWaitMs } = await attemptAndRetry(state, call, request, progress);
      const is401 = outcome.type === "response" && outcome.response.status === UNAUTHORIZED;
      if (!replayed && pacingWaitMs === undefined && is401 && (await state.auth.replayable(call, credential))) {
        unauthorized = outcome;
        progress.replaying = true;
        continue;
      }
      return { outcome, attempts: progress.attempts, ...(pacingWaitMs === undefined ? {} : { pacingWaitMs }) };
    }
  } finally {
    // A slot kept for a replay that did not happen (or a call that threw) counts from now.
    if (progress.lastSlots) await progress.lastSlots.settleKept();
  }
}

/** The call's own headers, then its credential: set in place (the request is this call's own). */
function applyHeaders(call: Call, request: WireRequest, credential: Credential): void {
  if (call.options.headers) {
    for (const [name, value] of Object.entries(call.options.headers)) request.headers.set(name, value);
  }
  if (credential && !("failure" in credential)) request.headers.set(credential.header, credential.value);
}

/**
 * The first attempt, then its retries. Once a request went out, pacing that would wait past `maxWait`
 * ends the call with the last attempt's outcome (`stopped`): `rate_limited` is for calls that sent
 * nothing.
 */
async function attemptAndRetry(
  state: ClientState,
  call: Call,
  request: WireRequest,
  progress: CallProgress,
): Promise<{ outcome: Outcome; pacingWaitMs: number | undefined }> {
  let last: Outcome | undefined;
  let stopped: number | undefined;
  const attempt = async (): Promise<Outcome> => {
    const outcome = await runAttempt(state, call, request, progress);
    if (outcome.type === "rate_limited" && last) {
      stopped = outcome.retryAfterMs;
      return last;
    }
    last = outcome;
    return outcome;
  };
  const first = await attempt();
  const { retry } = call.options;
  const succeeded = first.type === "response" && first.response.ok;
  if (stopped !== undefined || retry.limit === 0 || succeeded) return { outcome: first, pacingWaitMs: stopped };
  // The retry policy decides (loaded with the first outcome that is not a success); ky schedules the
  // retries (loaded with the first outcome the policy retries).
  const { decideRetry } = await state.features.retryPolicy();
  const decide = (o: Outcome, retryCount: number): RetryDecision =>
    stopped !== undefined
      ? { retry: false }
      : decideRetry(o, {
          method: call.method,
          retryCount,
          policy: retry,
          now: state.options.clock.now(),
          deadlineAt: progress.deadlineAt,
        });
  if (!decide(first, 1).retry) return { outcome: first, pacingWaitMs: stopped };
  const [{ retryWithKy, retryWaitLine }, log] = await Promise.all([
    state.features.retryScheduler(),
    state.features.log(),
  ]);
  const outcome = await retryWithKy({
    request,
    first,
    limit: retry.limit,
    signal: call.options.signal,
    attempt,
    decide,
    onWait: (decision, retried, next) => log(retryWaitLine(call, decision, retried, next)),
  });
  return { outcome, pacingWaitMs: stopped };
}
