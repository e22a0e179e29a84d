import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { operations } from "../../generated/360dialog-meta.ts";
import { readDialog360ErrorBody } from "../../src/360dialog/read-error-body.ts";
import type { OperationMeta } from "../../src/core/contract/operation-meta.ts";
import type { Outcome } from "../../src/core/contract/outcome.ts";
import { resultFromOutcome } from "../../src/core/results/error-factory.ts";
import { Redactor } from "../../src/core/results/redactor.ts";

const SECRET = "partner-key-SECRET-0123456789";
const redactor = new Redactor();
redactor.add(SECRET);
const listBlocked = operations["/api/v2/partners/{partner_id}/channels/{channel_id}/block_users"].get as OperationMeta;
const createKey = operations["/api/v2/partners/{partner_id}/channels/{channel_id}/api_keys"].post as OperationMeta;
const NOW = Date.parse("2026-12-02T10:00:00Z");

const ctx = (meta: OperationMeta, method = "GET", attempts = 1) => ({
  method,
  path: "/api/v2/partners/{partner_id}/channels/{channel_id}/block_users",
  meta,
  attempts,
  redactor,
  readBody: readDialog360ErrorBody,
  now: NOW,
});
const response = (status: number, text: string, headers: Record<string, string> = {}): Outcome => ({
  type: "response",
  response: new Response(null, { status, headers: { "content-type": "application/json", ...headers } }),
  text,
  overCap: false,
});
const apiBody = { meta: { developer_message: "busy", http_code: 503, success: false, "360dialog_trace_id": "t-1" } };

describe("resultFromOutcome: one factory, pure, frozen errors", () => {
  it("declared status and a body matching its schema: api", () => {
    const { error } = resultFromOutcome(response(503, JSON.stringify(apiBody)), ctx(listBlocked));
    expect(error).toMatchObject({ kind: "api", status: 503, traceId: "t-1", body: apiBody });
    expect(Object.isFrozen(error)).toBe(true);
  });

  it("a gateway's {message} on a declared 503: unexpected with the raw body, and a handler reading meta cannot crash", () => {
    const { error } = resultFromOutcome(response(503, '{"message":"Service Unavailable"}'), ctx(listBlocked));
    expect(error).toMatchObject({ kind: "unexpected", status: 503, body: { message: "Service Unavailable" } });
    expect(error?.message).toMatch(
      /\[body is not the declared error body: \/meta: must have the required property "meta"\]/,
    );
    // The README's handler narrows on kind "api" before reading body.meta.
    if (error?.kind === "api") expect.unreachable();
  });

  it.each([
    ["null", "null"],
    ["an array", "[]"],
    ["a string", '"ok"'],
    ["a number", "42"],
  ])("a 2xx whose body is %s where an object is declared: unexpected", (_what, text) => {
    const { error, data } = resultFromOutcome(response(200, text), ctx(listBlocked));
    expect(data).toBeUndefined();
    expect(error).toMatchObject({ kind: "unexpected", status: 200 });
    expect(error?.message).toMatch(/body the spec does not allow \(top level: must be an object/);
  });

  it("an empty 2xx where JSON is promised: unexpected", () => {
    expect(resultFromOutcome(response(200, ""), ctx(listBlocked)).error).toMatchObject({
      kind: "unexpected",
      status: 200,
    });
  });

  it("a body over the size cap: unexpected, status kept, nothing parsed", () => {
    const outcome: Outcome = { ...(response(200, "{") as Outcome & { type: "response" }), overCap: true };
    const { error } = resultFromOutcome(outcome, ctx(listBlocked));
    expect(error).toMatchObject({ kind: "unexpected", status: 200, body: undefined });
    expect(error?.message).toMatch(/over the size cap/);
  });

  it("redacts rawBody before cutting it, so a secret straddling the cut leaves nothing behind", () => {
    const text = `${"x".repeat(1990)}${SECRET}${"y".repeat(100)}`;
    const { error } = resultFromOutcome(response(502, text, { "content-type": "text/plain" }), ctx(listBlocked));
    if (error?.kind !== "unexpected") throw new Error("expected unexpected");
    expect(error.rawBody).not.toContain(SECRET.slice(0, 10));
    expect(error.rawBody).toContain("[REDACTED]");
    expect(error.rawBody.length).toBeLessThanOrEqual(2000);
  });

  it("keeps __proto__ in an error body a plain property: nothing reaches the prototype of any object", () => {
    const text = `{"__proto__":{"polluted":"yes"},"meta":{"developer_message":"${SECRET}","http_code":400,"success":false}}`;
    const { error } = resultFromOutcome(response(400, text), ctx(listBlocked));
    expect(error?.kind).toBe("api");
    const body = (error as { body: Record<string, unknown> }).body;
    expect(Object.getPrototypeOf(body)).toBe(Object.prototype);
    expect((body as { polluted?: unknown }).polluted).toBeUndefined();
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    expect((error as unknown as { polluted?: unknown }).polluted).toBeUndefined();
    expect(JSON.stringify(error)).not.toContain(SECRET);
  });

  it("a network failure of a POST may have been processed; a refused connection was not", () => {
    const reset: Outcome = {
      type: "failure",
      error: new TypeError("fetch failed", { cause: { code: "ECONNRESET" } }),
      timedOut: false,
      timeoutMs: 1,
    };
    const refused: Outcome = {
      type: "failure",
      error: new TypeError("fetch failed", { cause: { code: "ECONNREFUSED" } }),
      timedOut: false,
      timeoutMs: 1,
    };
    expect(resultFromOutcome(reset, ctx(createKey, "POST")).error).toMatchObject({
      kind: "network",
      mayHaveBeenProcessed: true,
    });
    expect(resultFromOutcome(refused, ctx(createKey, "POST")).error).not.toHaveProperty("mayHaveBeenProcessed");
    expect(resultFromOutcome(reset, ctx(listBlocked, "GET")).error).not.toHaveProperty("mayHaveBeenProcessed");
    const timeout: Outcome = { type: "failure", error: undefined, timedOut: true, timeoutMs: 50 };
    expect(resultFromOutcome(timeout, ctx(createKey, "PATCH")).error).toMatchObject({
      kind: "timeout",
      timeoutMs: 50,
      mayHaveBeenProcessed: true,
    });
  });

  it("a 429 whose Retry-After is an epoch carries a sane retryAfterMs", () => {
    const text = JSON.stringify({ meta: { developer_message: "slow", http_code: 429, success: false } });
    const { error } = resultFromOutcome(
      response(429, text, { "ratelimit-reset": String(NOW / 1000 + 20) }),
      ctx(createKey, "POST"),
    );
    expect(error).toMatchObject({ kind: "api", status: 429, retryAfterMs: 20_000 });
  });

  it("a client-side rate limit: rate_limited with retryAfterMs, nothing sent", () => {
    const { error } = resultFromOutcome({ type: "rate_limited", retryAfterMs: 29_500 }, ctx(createKey, "POST", 0));
    expect(error).toMatchObject({ kind: "rate_limited", retryAfterMs: 29_500, attempts: 0 });
  });

  it("a redirect refused by the transport: network, saying why", () => {
    const outcome: Outcome = {
      type: "failure",
      error: undefined,
      timedOut: false,
      timeoutMs: 1,
      reason: "more than 5 redirects (a redirect loop)",
    };
    expect(resultFromOutcome(outcome, ctx(listBlocked)).error?.message).toMatch(
      /failed without a response: more than 5 redirects \(a redirect loop\)/,
    );
  });

  it("never shows the credential however the error is rendered", () => {
    const { error } = resultFromOutcome(
      response(500, `{"meta":{"developer_message":"bad key ${SECRET}","http_code":500,"success":false}}`),
      ctx(listBlocked),
    );
    for (const text of [error?.message, String(JSON.stringify(error)), inspect(error, { depth: 10 })]) {
      expect(text).not.toContain(SECRET);
    }
  });
});
