import { describe, expect, it } from "vitest";
import type { RateLimitGrant } from "../../src/core/contract/rate-limit-store.ts";
import { MemoryRateLimitStore } from "../../src/core/features/memory-rate-limit-store.ts";
import { fakeClock, flush } from "../support/fake-clock.ts";
import { maxInAnyWindow } from "../support/windows.ts";

// A lease of 0: each slot counts as if its request ended the moment it was granted.
const rule = { key: "k", limit: 2, windowMs: 1000, maxWaitMs: Number.POSITIVE_INFINITY, leaseMs: 0 };

describe("MemoryRateLimitStore", () => {
  it("grants up to the limit at once, then makes the next call wait for the window", async () => {
    const clock = fakeClock();
    const store = new MemoryRateLimitStore({ clock });
    const t0 = clock.now();
    const granted: number[] = [];
    const waits: number[] = [];
    const calls = [0, 1, 2].map(() =>
      store.acquire({ ...rule, onWait: (ms) => waits.push(ms) }).then((g) => {
        expect(g.granted).toBe(true);
        granted.push(clock.now() - t0);
      }),
    );
    await clock.runUntilIdle();
    await Promise.all(calls);
    expect(granted).toEqual([0, 0, 1000]);
    expect(waits).toEqual([1000]);
  });

  it("answers granted: false with retryAfterMs instead of waiting past maxWaitMs", async () => {
    const clock = fakeClock();
    const store = new MemoryRateLimitStore({ clock });
    await store.acquire(rule);
    await store.acquire(rule);
    const answer = await store.acquire({ ...rule, maxWaitMs: 500 });
    expect(answer).toEqual({ granted: false, retryAfterMs: 1000 });
    expect(clock.pending).toBe(0);
  });

  it("rejects with the caller's reason when aborted while waiting, and holds nothing", async () => {
    const clock = fakeClock();
    const store = new MemoryRateLimitStore({ clock });
    await store.acquire(rule);
    await store.acquire(rule);
    const controller = new AbortController();
    const waiting = store.acquire({ ...rule, signal: controller.signal });
    await flush();
    controller.abort(new DOMException("stop", "AbortError"));
    await expect(waiting).rejects.toMatchObject({ name: "AbortError" });
    await clock.advance(1000);
    // The aborted call held no slot: two calls fit in the next window.
    const next = await Promise.all([
      store.acquire({ ...rule, maxWaitMs: 0 }),
      store.acquire({ ...rule, maxWaitMs: 0 }),
    ]);
    expect(next.map((g) => g.granted)).toEqual([true, true]);
  });

  it("gives a released slot back to the next caller", async () => {
    const clock = fakeClock();
    const store = new MemoryRateLimitStore({ clock });
    const first = (await store.acquire(rule)) as RateLimitGrant & { granted: true };
    await store.acquire(rule);
    expect((await store.acquire({ ...rule, maxWaitMs: 0 })).granted).toBe(false);
    await store.settle(first.slot, { sent: false });
    expect((await store.acquire({ ...rule, maxWaitMs: 0 })).granted).toBe(true);
  });

  it("holds every queued call while the bucket is paused by a server's 429", async () => {
    const clock = fakeClock();
    const store = new MemoryRateLimitStore({ clock });
    const t0 = clock.now();
    store.pause("k", 5000);
    const granted: number[] = [];
    const calls = [0, 1].map(() => store.acquire(rule).then(() => granted.push(clock.now() - t0)));
    await clock.runUntilIdle();
    await Promise.all(calls);
    expect(granted).toEqual([5000, 5000]);
  });

  it("a pause set while calls already wait holds them too", async () => {
    const clock = fakeClock();
    const store = new MemoryRateLimitStore({ clock });
    const t0 = clock.now();
    await store.acquire(rule);
    await store.acquire(rule);
    const granted: number[] = [];
    const waiting = store.acquire(rule).then(() => granted.push(clock.now() - t0));
    await flush();
    store.pause("k", 3000);
    await clock.runUntilIdle();
    await waiting;
    expect(granted).toEqual([3000]);
  });

  it("never grants more than the budget in any window, for bursts arriving at random times", async () => {
    const clock = fakeClock();
    const store = new MemoryRateLimitStore({ clock });
    const t0 = clock.now();
    const grants: number[] = [];
    // Deterministic pseudo-random arrivals (no Math.random: the test must be reproducible).
    let seed = 42;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const calls: Promise<unknown>[] = [];
    for (let i = 0; i < 200; i++) {
      if (random() < 0.3) await clock.advance(Math.floor(random() * 40));
      calls.push(
        store
          .acquire({ key: "bird", limit: 50, windowMs: 1000, maxWaitMs: Number.POSITIVE_INFINITY, leaseMs: 0 })
          .then(() => {
            grants.push(clock.now() - t0);
          }),
      );
    }
    await clock.runUntilIdle();
    await Promise.all(calls);
    expect(grants).toHaveLength(200);
    expect(maxInAnyWindow(grants, 1000)).toBe(50);
  });

  it("keeps budgets apart per key", async () => {
    const store = new MemoryRateLimitStore({ clock: fakeClock() });
    await store.acquire({ ...rule, key: "a", limit: 1 });
    expect((await store.acquire({ ...rule, key: "a", limit: 1, maxWaitMs: 0 })).granted).toBe(false);
    expect((await store.acquire({ ...rule, key: "b", limit: 1, maxWaitMs: 0 })).granted).toBe(true);
  });
});
