import { describe, expect, it } from "vitest";
import { createDialog360Client } from "../../src/360dialog/index.ts";
import type { RequestEvent, ResponseEvent } from "../../src/index.ts";
import { fakeFetch, json } from "../support/fake-fetch.ts";

const KEY = "hooks-SECRET-key-77";
const ref = { channelId: "ch-1" };
const busy = { meta: { developer_message: "busy", http_code: 503, success: false } };

function client(fetch: typeof globalThis.fetch, extra: object = {}) {
  return createDialog360Client({
    partnerId: "examplePA",
    apiKey: KEY,
    baseUrl: "http://127.0.0.1:9",
    fetch,
    rateLimit: false,
    retry: { limit: 2, backoffLimit: 0 },
    ...extra,
  });
}

describe("onRequest / onResponse", () => {
  it("see every attempt with its operation, the path as sent, the attempt number and timing", async () => {
    const { fetch } = fakeFetch((_c, n) => (n === 1 ? json(503, busy) : json(200, { count: 0, blocked_users: [] })));
    const requests: Omit<RequestEvent, "setHeader">[] = [];
    const responses: ResponseEvent[] = [];
    await client(fetch, {
      onRequest: ({ setHeader: _, ...e }: RequestEvent) => requests.push(e),
      onResponse: (e: ResponseEvent) => responses.push(e),
    }).channels.listBlockedUsers(ref);
    const operation = "GET /api/v2/partners/{partner_id}/channels/{channel_id}/block_users";
    const path = "/api/v2/partners/examplePA/channels/ch-1/block_users";
    expect(requests.map(({ requestId, ...e }) => e)).toEqual([
      { operation, method: "GET", path, attempt: 1 },
      { operation, method: "GET", path, attempt: 2 },
    ]);
    expect(responses.map(({ durationMs, requestId, ...e }) => e)).toEqual([
      { operation, method: "GET", path, attempt: 1, status: 503 },
      { operation, method: "GET", path, attempt: 2, status: 200 },
    ]);
    expect(responses.every((e) => typeof e.durationMs === "number" && e.durationMs >= 0)).toBe(true);
    // Each attempt's two events share a requestId, and attempts do not.
    expect(responses.map((e) => e.requestId)).toEqual(requests.map((e) => e.requestId));
    expect(new Set(requests.map((e) => e.requestId)).size).toBe(2);
  });

  it("onRequest sets a header on the attempt (traceparent), but never a credential or the host", async () => {
    const { fetch, calls } = fakeFetch(() => json(200, { count: 0, blocked_users: [] }));
    const refused: string[] = [];
    await client(fetch, {
      onRequest: (e: RequestEvent) => {
        e.setHeader("traceparent", `00-${"a".repeat(32)}-${"b".repeat(16)}-01`);
        for (const name of ["X-API-Key", "Host"]) {
          try {
            e.setHeader(name, "x");
          } catch (error) {
            refused.push((error as Error).message);
          }
        }
      },
    }).channels.listBlockedUsers(ref);
    expect(calls[0]?.headers.get("traceparent")).toMatch(/^00-a{32}-b{16}-01$/);
    expect(calls[0]?.headers.get("x-api-key")).toBe(KEY);
    expect(refused).toHaveLength(2);
    expect(refused.join(" ")).not.toContain(KEY);
  });

  it("a failure without a response has its redacted reason; a hook that throws does not fail the call", async () => {
    const { fetch } = fakeFetch(() => {
      throw new TypeError(`fetch failed for ${KEY}`);
    });
    const responses: ResponseEvent[] = [];
    const res = await client(fetch, {
      retry: false,
      onRequest: () => {
        throw new Error("hook bug");
      },
      onResponse: (e: ResponseEvent) => {
        responses.push(e);
        throw new Error("hook bug");
      },
    }).channels.listBlockedUsers(ref);
    expect(res.error).toMatchObject({ kind: "network" });
    expect(responses).toHaveLength(1);
    expect(responses[0]?.status).toBeUndefined();
    expect(responses[0]?.error).toBeTruthy();
    expect(JSON.stringify(responses)).not.toContain(KEY);
  });

  it("an attempt aborted by the caller still ends for onResponse, then the call rejects", async () => {
    const controller = new AbortController();
    const fetch: typeof globalThis.fetch = (_input, init) =>
      new Promise((_resolve, reject) => {
        init?.signal?.addEventListener("abort", () => reject(init.signal?.reason));
        controller.abort(new Error("stop"));
      });
    const responses: ResponseEvent[] = [];
    const call = client(fetch, { onResponse: (e: ResponseEvent) => responses.push(e) }).channels.listBlockedUsers(ref, {
      signal: controller.signal,
    });
    await expect(call).rejects.toThrow();
    expect(responses).toEqual([expect.objectContaining({ attempt: 1, error: "aborted by the caller" })]);
  });

  it("are checked at construction", () => {
    expect(() => client(fakeFetch(() => json(200, {})).fetch, { onRequest: "x" })).toThrow(
      /onRequest must be a function/,
    );
  });
});
