import { describe, expect, it } from "vitest";
import { parseRetryAfter } from "../../src/core/wire/retry-after.ts";

const NOW = Date.parse("2026-12-02T10:00:00Z");
const h = (init: Record<string, string>) => new Headers(init);

describe("parseRetryAfter (the one parser of retries, pacing and errors)", () => {
  it.each([
    ["Retry-After seconds", { "retry-after": "3" }, 3000],
    ["Retry-After zero", { "retry-after": "0" }, 0],
    ["Retry-After decimal seconds", { "retry-after": "1.5" }, 1500],
    ["Retry-After with spaces", { "retry-after": " 2 " }, 2000],
    ["Retry-After HTTP-date", { "retry-after": "Wed, 02 Dec 2026 10:00:30 GMT" }, 30_000],
    ["Retry-After HTTP-date in the past", { "retry-after": "Wed, 02 Dec 2026 09:00:00 GMT" }, 0],
    ["RateLimit-Reset delta", { "ratelimit-reset": "7" }, 7000],
    ["RateLimit-Reset epoch seconds", { "ratelimit-reset": String(NOW / 1000 + 12) }, 12_000],
    ["X-RateLimit-Reset epoch seconds", { "x-ratelimit-reset": String(NOW / 1000 + 5) }, 5000],
    ["X-RateLimit-Reset epoch in the past", { "x-ratelimit-reset": String(NOW / 1000 - 5) }, 0],
    ["Retry-After wins over RateLimit-Reset", { "retry-after": "1", "ratelimit-reset": "9" }, 1000],
  ])("%s", (_name, headers, expected) => {
    expect(parseRetryAfter(h(headers), NOW)).toBe(expected);
  });

  it.each([
    [{}],
    [{ "retry-after": "-3" }],
    [{ "retry-after": "1e3" }],
    [{ "retry-after": "soon" }],
    [{ "ratelimit-reset": "abc" }],
  ])("gives undefined for %j", (headers) => {
    expect(parseRetryAfter(h(headers), NOW)).toBeUndefined();
  });

  it("never turns an epoch reset into decades of waiting", () => {
    const wait = parseRetryAfter(h({ "ratelimit-reset": String(Math.floor(NOW / 1000) + 30) }), NOW) as number;
    expect(wait).toBeLessThanOrEqual(30_000);
    expect(wait).toBeGreaterThan(29_000);
  });
});
