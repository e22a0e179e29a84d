import type { Clock } from "../../src/core/contract/clock.ts";

/** Lets every pending promise callback run (microtasks and one macrotask turn). */
export const flush = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * A clock whose time moves only when the test says so: `sleep` registers a timer, `advance` moves time
 * and fires what is due, `runUntilIdle` keeps going until nobody sleeps. No real waiting, so the tests
 * cannot depend on the machine's speed.
 */
export function fakeClock(start = 1_700_000_000_000) {
  let now = start;
  let timers: Array<{ at: number; resolve: () => void }> = [];
  const clock: Clock & {
    advance(ms: number): Promise<void>;
    /** Moves time at once without firing timers (work that takes this long happened). */
    jump(ms: number): void;
    runUntilIdle(limit?: number): Promise<void>;
    readonly pending: number;
    drive<T>(promise: Promise<T>, limit?: number): Promise<T>;
  } = {
    now: () => now,
    sleep(ms, signal) {
      if (signal?.aborted) return Promise.reject(signal.reason);
      return new Promise<void>((resolve, reject) => {
        const timer = {
          at: now + Math.max(0, ms),
          resolve: () => {
            signal?.removeEventListener("abort", onAbort);
            resolve();
          },
        };
        const onAbort = () => {
          timers = timers.filter((t) => t !== timer);
          reject(signal?.reason);
        };
        signal?.addEventListener("abort", onAbort, { once: true });
        timers.push(timer);
      });
    },
    setTimer(ms, callback) {
      const timer = { at: now + Math.max(0, ms), resolve: callback };
      timers.push(timer);
      return () => {
        timers = timers.filter((t) => t !== timer);
      };
    },
    jump(ms) {
      now += ms;
    },
    async advance(ms) {
      const until = now + ms;
      for (;;) {
        await flush();
        const due = timers.filter((t) => t.at <= until).sort((a, b) => a.at - b.at)[0];
        if (!due) break;
        now = Math.max(now, due.at);
        timers = timers.filter((t) => t !== due);
        due.resolve();
      }
      now = until;
      await flush();
    },
    async runUntilIdle(limit = 10_000) {
      for (let i = 0; i < limit; i++) {
        await flush();
        const next = timers.sort((a, b) => a.at - b.at)[0];
        if (!next) return;
        await clock.advance(next.at - now);
      }
      throw new Error("fake clock: still busy after the step limit");
    },
    /**
     * Settles `promise`, moving fake time to each timer as it comes due. Between steps it yields to
     * real macrotasks too (ky's zero-delay retry timer, dynamic imports), so the order of events does
     * not depend on how fast the machine is; bounded by `limit` steps.
     */
    async drive(promise, limit = 10_000) {
      let settled = false;
      promise.then(
        () => (settled = true),
        () => (settled = true),
      );
      for (let i = 0; i < limit && !settled; i++) {
        await new Promise((r) => setTimeout(r, 0));
        await flush();
        if (settled) break;
        const next = timers.sort((a, b) => a.at - b.at)[0];
        if (next) await clock.advance(next.at - now);
      }
      if (!settled) throw new Error("fake clock: the promise did not settle within the step limit");
      return promise;
    },
    get pending() {
      return timers.length;
    },
  };
  return clock;
}
