import type { Clock } from "../contract/clock.ts";
import { systemClock } from "../wire/system-clock.ts";

/** One attempt's abort signal: its timeout and the caller's signal, with nothing left behind. */
export interface AttemptSignal {
  readonly signal: AbortSignal;
  /** True when the attempt's own timer fired (as opposed to the caller aborting). */
  readonly timedOut: boolean;
  /** Clears the timer and removes the listener on the caller's signal; call once the body is read. */
  dispose(): void;
}

/**
 * One AbortController with a cleared setTimeout and one listener on the caller's signal, removed when
 * the attempt ends: a long-lived caller signal shared by many calls keeps no listener per call, and no
 * timer outlives its attempt (AbortSignal.timeout + AbortSignal.any can do neither).
 */
export function attemptSignal(
  timeoutMs: number,
  parent: AbortSignal | undefined,
  message: string,
  clock: Clock = systemClock,
): AttemptSignal {
  const controller = new AbortController();
  let timedOut = false;
  const cancelTimer = clock.setTimer(timeoutMs, () => {
    timedOut = true;
    controller.abort(new DOMException(message, "TimeoutError"));
  });
  const onAbort = () => controller.abort(parent?.reason);
  if (parent) {
    if (parent.aborted) controller.abort(parent.reason);
    else parent.addEventListener("abort", onAbort, { once: true });
  }
  return {
    signal: controller.signal,
    get timedOut() {
      return timedOut;
    },
    dispose() {
      cancelTimer();
      parent?.removeEventListener("abort", onAbort);
    },
  };
}
