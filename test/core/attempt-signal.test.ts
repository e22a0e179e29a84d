import { getEventListeners } from "node:events";
import { describe, expect, it } from "vitest";
import { attemptSignal } from "../../src/core/attempt-signal.ts";

describe("attemptSignal", () => {
  it("aborts with a TimeoutError when its timer fires, and says so", async () => {
    const attempt = attemptSignal(5, undefined, "no response within 5 ms");
    await new Promise<void>((resolve) => attempt.signal.addEventListener("abort", () => resolve(), { once: true }));
    expect(attempt.timedOut).toBe(true);
    expect(attempt.signal.reason).toMatchObject({ name: "TimeoutError", message: "no response within 5 ms" });
    attempt.dispose();
  });

  it("follows the caller's signal with its reason, and is not a timeout then", () => {
    const caller = new AbortController();
    const attempt = attemptSignal(60_000, caller.signal, "x");
    const reason = new DOMException("user left", "AbortError");
    caller.abort(reason);
    expect(attempt.signal.aborted).toBe(true);
    expect(attempt.signal.reason).toBe(reason);
    expect(attempt.timedOut).toBe(false);
    attempt.dispose();
  });

  it("leaves nothing on the caller's signal once disposed", () => {
    const caller = new AbortController();
    for (let i = 0; i < 100; i++) attemptSignal(60_000, caller.signal, "x").dispose();
    expect(getEventListeners(caller.signal, "abort")).toHaveLength(0);
  });

  it("clears its timer on dispose: a disposed attempt never times out later", async () => {
    const attempt = attemptSignal(5, undefined, "x");
    attempt.dispose();
    // Timers fire in the order they expire: this one (set later, longer) always runs after the 5 ms one.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(attempt.signal.aborted).toBe(false);
    expect(attempt.timedOut).toBe(false);
  });

  it("starts aborted when the caller's signal already is", () => {
    const caller = new AbortController();
    caller.abort();
    const attempt = attemptSignal(60_000, caller.signal, "x");
    expect(attempt.signal.aborted).toBe(true);
    attempt.dispose();
  });
});
