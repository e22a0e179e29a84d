import { getEventListeners } from "node:events";
import { describe, expect, it } from "vitest";
import { attemptSignal } from "../../src/core/call/attempt-signal.ts";
import { fakeClock } from "../support/fake-clock.ts";

describe("attemptSignal", () => {
  it("aborts with a TimeoutError when its timer fires, and says so", async () => {
    const clock = fakeClock();
    const attempt = attemptSignal(5, undefined, "no response within 5 ms", clock);
    await clock.advance(4);
    expect(attempt.signal.aborted).toBe(false);
    await clock.advance(1);
    expect(attempt.timedOut).toBe(true);
    expect(attempt.signal.reason).toMatchObject({ name: "TimeoutError", message: "no response within 5 ms" });
    attempt.dispose();
  });

  it("follows the caller's signal with its reason, and is not a timeout then", () => {
    const caller = new AbortController();
    const attempt = attemptSignal(60_000, caller.signal, "x", fakeClock());
    const reason = new DOMException("user left", "AbortError");
    caller.abort(reason);
    expect(attempt.signal.aborted).toBe(true);
    expect(attempt.signal.reason).toBe(reason);
    expect(attempt.timedOut).toBe(false);
    attempt.dispose();
  });

  it("leaves nothing on the caller's signal once disposed", () => {
    const caller = new AbortController();
    for (let i = 0; i < 100; i++) attemptSignal(60_000, caller.signal, "x", fakeClock()).dispose();
    expect(getEventListeners(caller.signal, "abort")).toHaveLength(0);
  });

  it("cancels its timer on dispose: a disposed attempt never times out later", async () => {
    const clock = fakeClock();
    const attempt = attemptSignal(5, undefined, "x", clock);
    attempt.dispose();
    expect(clock.pending).toBe(0);
    await clock.advance(10);
    expect(attempt.signal.aborted).toBe(false);
    expect(attempt.timedOut).toBe(false);
  });

  it("starts aborted when the caller's signal already is", () => {
    const caller = new AbortController();
    caller.abort();
    const attempt = attemptSignal(60_000, caller.signal, "x", fakeClock());
    expect(attempt.signal.aborted).toBe(true);
    attempt.dispose();
  });
});
