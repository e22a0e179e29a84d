import type { Call, WireRequest } from "../contract/call.ts";
import type { Outcome } from "../contract/outcome.ts";
import type { RateLimitSlot } from "../contract/rate-limit-store.ts";
import type { AttemptSlots, Pace } from "../features/pacer.ts";
import type { ClientState } from "./client-state.ts";
import { sendAttempt } from "./send-attempt.ts";

/** What the attempts of one call share, across retries and the 401 replay. */
export interface CallProgress {
  /** The call's total deadline on the client's clock. */
  readonly deadlineAt: number;
  /** Attempts sent so far. */
  attempts: number;
  /** The next 401 may be replayed with a fresh token: its slot is then kept for the replay. */
  mayReplay: boolean;
  /** The slots of the last paced attempt: a 401's slot kept for the replay is reused or settled from there. */
  lastSlots: AttemptSlots | undefined;
  /** The next attempt is the 401's replay (it reuses the 401's slot). */
  replaying: boolean;
}

const UNPACED: Pace = { slots: undefined, waitMs: undefined };

/**
 * One attempt: pace (a slot, or the slot a replayed 401 kept), send the request and read its body
 * under every limit, settle the slot with the request's end, let a 429 pause the budget, log.
 */
export async function runAttempt(
  state: ClientState,
  call: Call,
  request: WireRequest,
  progress: CallProgress,
): Promise<Outcome> {
  const { options } = state;
  const started = performance.now();
  // No await unless the operation is paced: an unpaced call costs no extra turn of the event loop.
  const pacer = call.meta?.rateLimit && options.rateLimit ? await state.features.pacer() : undefined;
  // Only the 401's replay reuses its slot; any other next attempt (a retry after a 401 whose body failed)
  // lets the kept slot count from now and takes its own.
  const last = progress.lastSlots;
  let reuse: RateLimitSlot | undefined;
  if (last) {
    progress.lastSlots = undefined;
    reuse = progress.replaying ? last.takeKept() : undefined;
    await last.settleKept();
  }
  progress.replaying = false;
  const pace = pacer ? await pacer.acquire(call, progress.deadlineAt, reuse) : UNPACED;
  if (pace.limited) return pace.limited;
  const slots = pace.slots;
  if (slots) slots.keepOn401 = progress.mayReplay;
  // Reachable from the call before anything can throw, so a kept slot is always settled (runCall).
  progress.lastSlots = slots;
  const remaining = progress.deadlineAt - options.clock.now();
  let outcome: Outcome;
  if (remaining <= 0) {
    // The deadline passed while waiting: nothing is sent, and the slot is given back.
    slots?.ended(false);
    await slots?.settled();
    outcome = { type: "failure", error: undefined, timedOut: true, timeoutMs: options.totalTimeout };
  } else {
    progress.attempts += 1;
    try {
      outcome = await send(state, call, request, progress.attempts, pace, remaining);
    } finally {
      await slots?.settled();
    }
    await pacer?.observe(call, outcome);
  }
  if (options.logAttempts) {
    const [{ logLine }, redactor, log] = await Promise.all([
      state.features.logLines(),
      state.features.redactor(),
      state.features.log(),
    ]);
    const readBody = state.provider.readErrorBody;
    const durationMs = performance.now() - started;
    log(logLine({ call, attempt: progress.attempts, durationMs, outcome, waitMs: pace.waitMs, readBody, redactor }));
  }
  return outcome;
}

/** Sends the request (under the client's hooks, when it has any); a caller's abort rejects from here. */
async function send(
  state: ClientState,
  call: Call,
  request: WireRequest,
  attempt: number,
  pace: Pace & { limited?: never },
  remaining: number,
): Promise<Outcome> {
  const { options } = state;
  const sendOnce = () =>
    sendAttempt(request, {
      fetch: options.fetch,
      trustedFetch: options.platformFetch,
      timeoutMs: Math.min(call.options.timeout, remaining),
      signal: call.options.signal,
      maxBodyBytes: options.maxResponseBytes,
      clock: options.clock,
      slots: pace.slots,
    });
  if (!options.onRequest && !options.onResponse) return sendOnce();
  const [{ withHooks }, redactor] = await Promise.all([state.features.hooks(), state.features.redactor()]);
  return withHooks({ state, redactor, call, attempt, headers: request.headers, waitMs: pace.waitMs, send: sendOnce });
}
