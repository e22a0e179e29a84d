import { describe, expect, it } from "vitest";
import type { Outcome } from "../../src/core/contract/outcome.ts";
import { decideRetry } from "../../src/core/features/retry-policy.ts";

const policy = { limit: 2, backoffLimit: 10_000, maxRetryAfter: 60_000 };
const NOW = 1_000_000;
const FAR = NOW + 120_000;
const response = (status: number, headers: Record<string, string> = {}): Outcome => ({
  type: "response",
  response: new Response(null, { status, headers }),
  text: "",
  overCap: false,
});
const failure = (code?: string, timedOut = false): Outcome => ({
  type: "failure",
  error: code ? new TypeError("fetch failed", { cause: { code } }) : undefined,
  timedOut,
  timeoutMs: 10,
});
const half = () => 0.5;

/** The facts of a call retried at NOW with a far deadline and a jitter of one half. */
const at = (method: string, retryCount: number) => ({
  method,
  retryCount,
  policy,
  now: NOW,
  deadlineAt: FAR,
  random: half,
});

describe("decideRetry", () => {
  it.each([408, 429, 500, 502, 503, 504])("retries a GET answered %i", (status) => {
    expect(decideRetry(response(status), at("GET", 1)).retry).toBe(true);
  });

  it.each([400, 401, 404, 409, 422, 501])("does not retry a GET answered %i", (status) => {
    expect(decideRetry(response(status), at("GET", 1)).retry).toBe(false);
  });

  it("retries a POST or PATCH only when it provably was not processed: a 429 or a refused connection", () => {
    for (const method of ["POST", "PATCH"]) {
      expect(decideRetry(response(429), at(method, 1)).retry).toBe(true);
      expect(decideRetry(failure("ECONNREFUSED"), at(method, 1)).retry).toBe(true);
      expect(decideRetry(response(503), at(method, 1)).retry).toBe(false);
      expect(decideRetry(failure("ECONNRESET"), at(method, 1)).retry).toBe(false);
      expect(decideRetry(failure(undefined, true), at(method, 1)).retry).toBe(false);
    }
    expect(decideRetry(failure("ECONNRESET"), at("PUT", 1)).retry).toBe(true);
  });

  it("waits what the server asks, and gives up at once past maxRetryAfter or the deadline", () => {
    expect(decideRetry(response(429, { "retry-after": "2" }), at("GET", 1))).toEqual({
      retry: true,
      delayMs: 2000,
      serverAskedMs: 2000,
    });
    expect(decideRetry(response(429, { "retry-after": "61" }), at("GET", 1)).retry).toBe(false);
    expect(
      decideRetry(response(503, { "retry-after": "5" }), {
        method: "GET",
        retryCount: 1,
        policy: policy,
        now: NOW,
        deadlineAt: NOW + 4000,
        random: half,
      }).retry,
    ).toBe(false);
  });

  it("backs off exponentially with full jitter, capped by backoffLimit and the deadline", () => {
    const delays = [1, 2, 3, 4].map((n) =>
      decideRetry(response(500), {
        method: "GET",
        retryCount: n,
        policy: policy,
        now: NOW,
        deadlineAt: FAR,
        random: () => 0.999999,
      }),
    );
    expect(delays.map((d) => (d.retry ? d.delayMs : -1))).toEqual([299, 599, 1199, 2399]);
    const capped = decideRetry(response(500), {
      method: "GET",
      retryCount: 10,
      policy: { ...policy, backoffLimit: 1000 },
      now: NOW,
      deadlineAt: FAR,
      random: () => 0.999999,
    });
    expect(capped.retry && capped.delayMs).toBe(999);
    expect(
      decideRetry(response(500), {
        method: "GET",
        retryCount: 1,
        policy: policy,
        now: NOW,
        deadlineAt: NOW + 100,
        random: () => 0.999999,
      }).retry,
    ).toBe(false);
  });

  it("never retries a redirect the transport refused, nor a client-side rate limit", () => {
    const refused: Outcome = { type: "failure", error: undefined, timedOut: false, timeoutMs: 1, reason: "loop" };
    expect(
      decideRetry(refused, { method: "GET", retryCount: 1, policy: policy, now: NOW, deadlineAt: FAR, random: half })
        .retry,
    ).toBe(false);
    expect(
      decideRetry(
        { type: "rate_limited", retryAfterMs: 5 },
        { method: "GET", retryCount: 1, policy: policy, now: NOW, deadlineAt: FAR, random: half },
      ).retry,
    ).toBe(false);
  });
});
