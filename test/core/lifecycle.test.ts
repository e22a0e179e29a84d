import { getEventListeners } from "node:events";
import { createServer, type Socket } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createDialog360Client } from "../../src/360dialog/index.ts";
import { createBirdClient } from "../../src/bird/index.ts";
import { isBspError, MemoryRateLimitStore } from "../../src/index.ts";
import { fakeClock, flush } from "../support/fake-clock.ts";
import { fakeFetch, json } from "../support/fake-fetch.ts";
import { startHttpServer } from "../support/http-server.ts";
import { maxInAnyWindow } from "../support/windows.ts";

// The request lifecycle against hostile servers, bad input and aborts: each test names the defect
// it guards. Real local servers where the socket matters, injected fetches and clocks elsewhere. ky
// schedules retries on the platform's timers, not the injected clock: tests that cross a retry use a
// zero delay (backoffLimit 0 or 1, Retry-After 0), or fake time moved by clock.drive, which also lets
// real zero-delay timers run between its steps.

const KEY = "lifecycle-key-SECRET-4242";
const WS = "6f1c1f0e-5a4a-4b53-9a3c-6f0b7f4b1c2d";
const ref = { channelId: "exampleCH" };
const ids = { clientId: "exampleCL", channelId: "exampleCH" };
const okBlocked = { meta: { developer_message: "ok", http_code: 200, success: true }, data: { block_users: [] } };
const birdChannel = { id: "123e4567-e89b-12d3-a456-426614174000", name: "Acme", platformId: "whatsapp" };

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});
async function server(handler: Parameters<typeof startHttpServer>[0]) {
  const s = await startHttpServer(handler);
  cleanups.push(() => s.close());
  return s;
}
const d360 = (extra: Record<string, unknown> = {}) =>
  createDialog360Client({ partnerId: "examplePA", apiKey: KEY, baseUrl: "http://127.0.0.1:9", ...extra });

describe("bounded reads: hostile servers", () => {
  it("a 200 whose body stalls ends at the attempt timeout (the read is under the timeout)", async () => {
    const s = await server((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.write('{"data":');
    });
    // The attempt timeout runs on an injected clock: only the test moves time, however slow the machine.
    const clock = fakeClock();
    const result = await clock.drive(
      d360({ baseUrl: s.url, timeout: 150, retry: false, clock }).channels.listBlockedUsers(ref),
    );
    expect(result.error).toMatchObject({ kind: "timeout", attempts: 1 });
  });

  it("a 200 whose body stalls ends when the caller aborts, with the caller's reason", async () => {
    const s = await server((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.write('{"data":');
    });
    const controller = new AbortController();
    const call = d360({ baseUrl: s.url, retry: false }).channels.listBlockedUsers(ref, { signal: controller.signal });
    while (s.requests.length === 0) await flush();
    controller.abort();
    await expect(call).rejects.toMatchObject({ name: "AbortError" });
  });

  it("a body that never ends is cut at maxResponseBytes: unexpected, status kept, connection released", async () => {
    let written = 0;
    let closed: () => void = () => {};
    const serverClosed = new Promise<void>((r) => (closed = r));
    const s = await server((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      const chunk = Buffer.alloc(16 * 1024, 32);
      res.on("close", closed);
      // Bounded: at most 64 MiB, far past the cap, unless the client lets go first.
      const pump = () => {
        while (written < 64 * 1024 * 1024 && !res.destroyed) {
          written += chunk.length;
          if (!res.write(chunk)) return void res.once("drain", pump);
        }
        res.end();
      };
      pump();
    });
    const result = await d360({ baseUrl: s.url, retry: false, maxResponseBytes: 256 * 1024 }).channels.listBlockedUsers(
      ref,
    );
    expect(result.error).toMatchObject({ kind: "unexpected", status: 200, body: undefined });
    expect(result.error?.message).toMatch(/over the size cap/);
    await serverClosed;
    expect(written).toBeLessThan(16 * 1024 * 1024);
  });

  it("an error body over the cap is not read past it either", async () => {
    const s = await server((_req, res) => {
      res.writeHead(500, { "content-type": "text/plain" });
      res.end("x".repeat(100_000));
    });
    const result = await d360({ baseUrl: s.url, retry: false, maxResponseBytes: 1000 }).channels.listBlockedUsers(ref);
    expect(result.error).toMatchObject({ kind: "unexpected", status: 500 });
    expect(result.error?.message).toMatch(/over the size cap/);
  });

  it("a server that accepts the connection and never answers ends within the total deadline", async () => {
    const sockets: Socket[] = [];
    const tcp = createServer((socket) => sockets.push(socket)).listen(0, "127.0.0.1");
    await new Promise((r) => tcp.once("listening", r));
    cleanups.push(() => {
      for (const socket of sockets) socket.destroy();
      return new Promise((r) => tcp.close(r));
    });
    const url = `http://127.0.0.1:${(tcp.address() as { port: number }).port}`;
    const clock = fakeClock();
    const result = await clock.drive(
      d360({
        baseUrl: url,
        clock,
        timeout: 100,
        totalTimeout: 300,
        retry: { limit: 10, backoffLimit: 0 },
      }).channels.listBlockedUsers(ref),
    );
    // Attempts at 0, 100 and 200 ms of the injected clock; the deadline leaves no room for a fourth.
    expect(result.error).toMatchObject({ kind: "timeout", attempts: 3 });
  });

  it("no attempt starts after the total deadline (fake clock: each attempt costs 200 ms)", async () => {
    const clock = fakeClock();
    const started: number[] = [];
    const t0 = clock.now();
    const { fetch } = fakeFetch(() => {
      started.push(clock.now() - t0);
      clock.jump(200);
      return json(503, { meta: { developer_message: "busy", http_code: 503, success: false } });
    });
    const result = await d360({
      fetch,
      clock,
      totalTimeout: 500,
      timeout: 500,
      rateLimit: false,
      retry: { limit: 10, backoffLimit: 0 },
    }).channels.listBlockedUsers(ref);
    expect(result.error).toMatchObject({ kind: "api", status: 503 });
    expect(started).toEqual([0, 200, 400]);
    expect(result.error?.attempts).toBe(3);
  });

  it("a redirect loop is a network error that says so, after a bounded number of hops", async () => {
    const s = await server((req, res) => {
      res.writeHead(302, { location: req.url.pathname });
      res.end();
    });
    const result = await d360({ baseUrl: s.url, retry: false }).channels.listBlockedUsers(ref);
    expect(result.error).toMatchObject({ kind: "network", attempts: 1 });
    expect(result.error?.message).toMatch(/redirect loop/);
    expect(s.requests).toHaveLength(5);
  });
});

describe("cancellation and resources", () => {
  it("a long-lived signal shared by many calls keeps no listener per call", async () => {
    const { fetch } = fakeFetch(() => json(200, okBlocked));
    const client = d360({ fetch });
    const controller = new AbortController();
    for (let i = 0; i < 50; i++) await client.channels.listBlockedUsers(ref, { signal: controller.signal });
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
  });

  it("a caller's abort is honoured while the call waits for the bearer token", async () => {
    const { fetch, calls } = fakeFetch((call) =>
      call.url.pathname.endsWith("/token") ? "stall" : json(200, okBlocked),
    );
    const client = createDialog360Client({
      partnerId: "examplePA",
      credentials: { username: "ops@example.com", password: "pw-SECRET-99" },
      baseUrl: "http://127.0.0.1:9",
      fetch,
    });
    const controller = new AbortController();
    const call = client.channels.listBlockedUsers(ref, { signal: controller.signal });
    while (calls.length === 0) await flush();
    controller.abort();
    await expect(call).rejects.toMatchObject({ name: "AbortError" });
    expect(calls.map((c) => c.url.pathname)).toEqual(["/api/v2/token"]);
  });

  it("a caller's abort is honoured while the call waits in the rate-limit queue, and gives nothing up", async () => {
    const clock = fakeClock();
    const store = new MemoryRateLimitStore({ clock });
    const { fetch, calls } = fakeFetch(() => json(200, { api_key: "k", address: "a", app_id: "1", id: "1" }));
    const client = d360({ fetch, clock, rateLimit: { store } });
    await client.channels.createApiKey(ref);
    const controller = new AbortController();
    const waiting = client.channels.createApiKey(ref, { signal: controller.signal });
    await flush();
    expect(clock.pending).toBe(1);
    controller.abort();
    await expect(waiting).rejects.toMatchObject({ name: "AbortError" });
    expect(calls).toHaveLength(1);
    expect(clock.pending).toBe(0);
  });
});

describe("auth", () => {
  it("d360.api never sends a request without authentication when the token cannot be obtained", async () => {
    const { fetch, calls } = fakeFetch((call) =>
      call.url.pathname.endsWith("/token")
        ? json(401, { meta: { developer_message: "Invalid credentials", http_code: 401, success: false } })
        : json(200, okBlocked),
    );
    const client = createDialog360Client({
      partnerId: "examplePA",
      credentials: { username: "ops@example.com", password: "pw-SECRET-99" },
      baseUrl: "http://127.0.0.1:9",
      fetch,
    });
    const error = await client.api
      .GET("/api/v2/partners/{partner_id}/channels/{channel_id}/block_users", {
        params: { path: { partner_id: "examplePA", channel_id: "exampleCH" } },
      })
      .catch((e: unknown) => e);
    expect(isBspError(error)).toBe(true);
    expect((error as { error: { step?: string } }).error.step).toBe("token");
    expect(calls.map((c) => c.url.pathname)).toEqual(["/api/v2/token"]);
    expect(String(error)).not.toContain("pw-SECRET-99");
  });

  it("a failed token request is shared: 200 concurrent calls make one token request", async () => {
    const { fetch, calls } = fakeFetch(() =>
      json(401, { meta: { developer_message: "Invalid credentials", http_code: 401, success: false } }),
    );
    const client = createDialog360Client({
      partnerId: "examplePA",
      credentials: { username: "ops@example.com", password: "pw-SECRET-99" },
      baseUrl: "http://127.0.0.1:9",
      fetch,
      clock: fakeClock(),
    });
    const results = await Promise.all(Array.from({ length: 200 }, () => client.channels.listBlockedUsers(ref)));
    expect(calls).toHaveLength(1);
    expect(results.every((r) => r.error?.kind === "api" && r.error.status === 401 && r.error.step === "token")).toBe(
      true,
    );
  });

  it("d360.api sends the API key and retries like every method", async () => {
    const { fetch, calls } = fakeFetch((_c, n) =>
      n === 1
        ? json(503, { meta: { developer_message: "busy", http_code: 503, success: false } })
        : json(200, okBlocked),
    );
    const client = d360({ fetch, retry: { limit: 2, backoffLimit: 1 } });
    const { data, response } = await client.api.GET("/api/v2/partners/{partner_id}/channels/{channel_id}/block_users", {
      params: { path: { partner_id: "examplePA", channel_id: "exampleCH" } },
    });
    expect(response.status).toBe(200);
    expect(data).toEqual(okBlocked);
    expect(calls.map((c) => c.headers.get("x-api-key"))).toEqual([KEY, KEY]);
  });
});

describe("pacing that cannot leak", () => {
  it("Bird: 70 GETs at once never exceed 50 in any second (fake clock, requests counted per window)", async () => {
    const clock = fakeClock();
    const t0 = clock.now();
    const sent: number[] = [];
    const { fetch } = fakeFetch(() => {
      sent.push(clock.now() - t0);
      return json(200, birdChannel);
    });
    const bird = createBirdClient({
      accessKey: "bird-key-123456",
      workspaceId: WS,
      baseUrl: "http://127.0.0.1:9",
      fetch,
      clock,
      rateLimit: { store: new MemoryRateLimitStore({ clock }) },
    });
    const calls = Array.from({ length: 70 }, (_, i) =>
      i % 2
        ? bird.channels.get({ channelId: birdChannel.id })
        : bird.channels.getContactDetails({
            channelId: birdChannel.id,
            contactId: "523e4567-e89b-12d3-a456-426614174000",
          }),
    );
    await clock.drive(Promise.all(calls));
    expect(sent).toHaveLength(70);
    // Both operations share the workspace's GET bucket (x-bsp-rate-limit bucket in the spec).
    expect(maxInAnyWindow(sent, 1000)).toBe(50);
  });

  it("retries are paced too: a 429 retry of generate-API-key waits for its 1-per-30-s slot", async () => {
    const clock = fakeClock();
    const t0 = clock.now();
    const sent: number[] = [];
    const { fetch } = fakeFetch((_c, n) => {
      sent.push(clock.now() - t0);
      return n === 1
        ? json(429, { meta: { developer_message: "slow", http_code: 429, success: false } }, { "retry-after": "0" })
        : json(200, { api_key: "k", address: "a", app_id: "1", id: "1" });
    });
    const client = d360({
      fetch,
      clock,
      rateLimit: { store: new MemoryRateLimitStore({ clock }) },
      retry: { limit: 2 },
    });
    const result = await clock.drive(client.channels.createApiKey(ref));
    expect(result.error).toBeUndefined();
    expect(sent).toEqual([0, 30_000]);
  });

  it("a server's 429 pauses the bucket for the next calls until its Retry-After", async () => {
    const clock = fakeClock();
    const t0 = clock.now();
    const sent: number[] = [];
    const { fetch } = fakeFetch((_c, n) => {
      sent.push(clock.now() - t0);
      return n === 1
        ? json(429, { code: "TooManyRequests", message: "slow down" }, { "retry-after": "2" })
        : json(200, birdChannel);
    });
    const bird = createBirdClient({
      accessKey: "bird-key-123456",
      workspaceId: WS,
      baseUrl: "http://127.0.0.1:9",
      fetch,
      clock,
      retry: false,
      rateLimit: { store: new MemoryRateLimitStore({ clock }) },
    });
    const first = await bird.channels.get({ channelId: birdChannel.id });
    expect(first.error).toMatchObject({ kind: "api", status: 429, retryAfterMs: 2000 });
    await clock.drive(
      Promise.all([bird.channels.get({ channelId: birdChannel.id }), bird.channels.get({ channelId: birdChannel.id })]),
    );
    expect(sent).toEqual([0, 2000, 2000]);
  });

  it("a wait longer than rateLimit.maxWait fails at once with rate_limited, nothing sent, the wait reported", async () => {
    const clock = fakeClock();
    const waits: unknown[] = [];
    const { fetch, calls } = fakeFetch(() => json(200, { api_key: "k", address: "a", app_id: "1", id: "1" }));
    const client = d360({
      fetch,
      clock,
      rateLimit: {
        store: new MemoryRateLimitStore({ clock }),
        maxWait: 1000,
        onRateLimit: (w: unknown) => waits.push(w),
      },
    });
    await client.channels.createApiKey(ref);
    const second = await client.channels.createApiKey(ref);
    expect(second.error).toMatchObject({ kind: "rate_limited", retryAfterMs: 30_000, attempts: 0 });
    expect(calls).toHaveLength(1);
    // Another channel has its own budget.
    expect((await client.channels.createApiKey({ channelId: "otherCH" })).error).toBeUndefined();
    expect(waits).toEqual([]);
  });

  it("a slot taken for an attempt that never reached the server (connection refused) is given back", async () => {
    const clock = fakeClock();
    const refused = Object.assign(new TypeError("fetch failed"), { cause: { code: "ECONNREFUSED" } });
    const { fetch, calls } = fakeFetch((_c, n) => {
      if (n === 1) throw refused;
      return json(200, { api_key: "k", address: "a", app_id: "1", id: "1" });
    });
    const client = d360({
      fetch,
      clock,
      retry: false,
      rateLimit: { store: new MemoryRateLimitStore({ clock }), maxWait: 0 },
    });
    expect((await client.channels.createApiKey(ref)).error).toMatchObject({ kind: "network" });
    // maxWait 0: had the slot stayed taken, this call would be rate_limited.
    expect((await client.channels.createApiKey(ref)).error).toBeUndefined();
    expect(calls).toHaveLength(2);
  });

  it("pacing waits count against the call's total deadline", async () => {
    const clock = fakeClock();
    const { fetch, calls } = fakeFetch(() => json(200, { api_key: "k", address: "a", app_id: "1", id: "1" }));
    const client = d360({
      fetch,
      clock,
      timeout: 5_000,
      totalTimeout: 10_000,
      rateLimit: { store: new MemoryRateLimitStore({ clock }) },
    });
    await client.channels.createApiKey(ref);
    expect((await client.channels.createApiKey(ref)).error).toMatchObject({ kind: "rate_limited" });
    expect(calls).toHaveLength(1);
  });

  it("the wait is reported before it starts", async () => {
    const clock = fakeClock();
    const waits: unknown[] = [];
    const { fetch } = fakeFetch(() => json(200, { api_key: "k", address: "a", app_id: "1", id: "1" }));
    const client = d360({
      fetch,
      clock,
      rateLimit: { store: new MemoryRateLimitStore({ clock }), onRateLimit: (w: unknown) => waits.push(w) },
    });
    await client.channels.createApiKey(ref);
    await clock.drive(client.channels.createApiKey(ref));
    expect(waits).toEqual([
      {
        operation: "POST /api/v2/partners/{partner_id}/channels/{channel_id}/api_keys",
        waitMs: 30_000,
        key: "generate-api-key|partner_id=examplePA|channel_id=exampleCH",
      },
    ]);
  });

  it("the logger gets a rate_limit_wait line before the wait, then the attempt's line with its wait", async () => {
    const clock = fakeClock();
    const lines: Record<string, unknown>[] = [];
    const { fetch } = fakeFetch(() => json(200, { api_key: "k", address: "a", app_id: "1", id: "1" }));
    const client = d360({
      fetch,
      clock,
      logger: (line: Record<string, unknown>) => void lines.push({ ...line }),
      rateLimit: { store: new MemoryRateLimitStore({ clock }) },
    });
    await client.channels.createApiKey(ref);
    const second = client.channels.createApiKey(ref);
    // Once the call is waiting (its timer is set on the fake clock) and before any time passes, the
    // wait is already in the log.
    for (let i = 0; i < 1000 && clock.pending === 0; i++) await new Promise((r) => setTimeout(r, 0));
    expect(clock.pending).toBeGreaterThan(0);
    expect(lines.at(-1)).toEqual({
      event: "rate_limit_wait",
      method: "POST",
      path: "/api/v2/partners/{partner_id}/channels/{channel_id}/api_keys",
      waitMs: 30_000,
      key: "generate-api-key|partner_id=examplePA|channel_id=exampleCH",
    });
    await clock.drive(second);
    expect(lines.at(-1)).toMatchObject({ method: "POST", attempt: 1, status: 200, waitMs: 30_000 });
    expect(lines.map((l) => l.event ?? "attempt")).toEqual(["attempt", "rate_limit_wait", "attempt"]);
  });
});

describe("Retry-After and the deadline", () => {
  it("a Retry-After past the remaining deadline returns the 429 at once with its retryAfterMs", async () => {
    const { fetch, calls } = fakeFetch(() =>
      json(429, { meta: { developer_message: "slow", http_code: 429, success: false } }, { "retry-after": "30" }),
    );
    const result = await d360({ fetch, totalTimeout: 5_000, timeout: 5_000, rateLimit: false }).clients.getBalance({
      clientId: "c",
    });
    expect(result.error).toMatchObject({ kind: "api", status: 429, retryAfterMs: 30_000, attempts: 1 });
    expect(calls).toHaveLength(1);
  });

  it("an epoch RateLimit-Reset is a wait of seconds, not decades", async () => {
    const now = Date.now();
    const { fetch } = fakeFetch(() =>
      json(
        429,
        { meta: { developer_message: "slow", http_code: 429, success: false } },
        { "ratelimit-reset": String(Math.floor(now / 1000) + 120) },
      ),
    );
    const result = await d360({ fetch, rateLimit: false, retry: false }).clients.getBalance({ clientId: "c" });
    expect(result.error?.kind === "api" && result.error.retryAfterMs).toBeLessThanOrEqual(121_000);
  });
});

describe("kind api only for the declared body", () => {
  it("a gateway 503 with {message} is unexpected, with its raw body", async () => {
    const { fetch } = fakeFetch(() => json(503, { message: "upstream connect error" }));
    const result = await d360({ fetch, retry: false }).channels.listBlockedUsers(ref);
    expect(result.error).toMatchObject({
      kind: "unexpected",
      status: 503,
      rawBody: '{"message":"upstream connect error"}',
    });
  });

  it.each([
    [{ message: "Bad Gateway" }, "unexpected"],
    [{ code: "NotFound", message: "channel not found" }, "api"],
  ])("Bird: a 404 with %j is %s (Bird's errors carry code and message)", async (body, kind) => {
    const { fetch } = fakeFetch(() => json(404, body));
    const bird = createBirdClient({
      accessKey: "bird-key-123456",
      workspaceId: WS,
      baseUrl: "http://127.0.0.1:9",
      fetch,
      retry: false,
    });
    const result = await bird.channels.get({ channelId: birdChannel.id });
    expect(result.error).toMatchObject({ kind, status: 404 });
  });

  it.each([
    ["null", null],
    ["an array", []],
    ["a string", "ok"],
  ])("a 2xx whose body is %s is unexpected, not data", async (_what, body) => {
    const { fetch } = fakeFetch(() => json(200, body));
    const result = await d360({ fetch }).channels.listBlockedUsers(ref);
    expect(result.data).toBeUndefined();
    expect(result.error).toMatchObject({ kind: "unexpected", status: 200 });
  });
});

describe("malformed pages end iteration with a BspError", () => {
  it.each([
    ["null", null, /top level: must be an object, got null/],
    ["partner_channels missing", { total: 3 }, /"partner_channels" is missing/],
    ["partner_channels not an array", { partner_channels: "abc", total: 3 }, /"partner_channels" is not an array/],
    ["total not a number", { partner_channels: [], total: "many" }, /"total" is not a non-negative integer/],
  ])("360dialog page: %s", async (_what, page, message) => {
    const { fetch } = fakeFetch(() => json(200, page));
    const error = await d360({ fetch })
      .channels.list()
      .toArray()
      .catch((e: unknown) => e);
    expect(isBspError(error) && error.error.kind).toBe("unexpected");
    expect((error as Error).message).toMatch(message);
  });

  it.each([
    ["results a string", { results: "abc" }, /"results" is not an array/],
    ["nextPageToken a number", { results: [], nextPageToken: 5 }, /"nextPageToken" is not a string/],
  ])("Bird page: %s", async (_what, page, message) => {
    const { fetch } = fakeFetch(() => json(200, page));
    const bird = createBirdClient({
      accessKey: "bird-key-123456",
      workspaceId: WS,
      baseUrl: "http://127.0.0.1:9",
      fetch,
    });
    const error = await bird.channels
      .list()
      .toArray()
      .catch((e: unknown) => e);
    expect(isBspError(error) && error.error.kind).toBe("unexpected");
    expect((error as Error).message).toMatch(message);
  });
});

describe("bad input never reaches the wire", () => {
  it.each([
    ["NaN", Number.NaN, TypeError],
    ["Infinity", Number.POSITIVE_INFINITY, TypeError],
    ["a BigInt", 10n, TypeError],
    ["an integer beyond 2^53", 1e21, RangeError],
  ])("a filter value of %s", async (_what, value, type) => {
    const { fetch, calls } = fakeFetch(() => json(200, { partner_channels: [], total: 0 }));
    const client = d360({ fetch });
    await expect(client.channels.list({ extraFilters: { "client.id": value as never } }).toArray()).rejects.toThrow(
      type,
    );
    await expect(client.channels.list({ filters: { current_limit: value as never } }).toArray()).rejects.toThrow();
    expect(calls).toHaveLength(0);
  });

  it.each(["constructor", "__proto__", "toString", "hasOwnProperty"])(
    "a query key named like an Object.prototype member (%s) is an unknown parameter",
    async (key) => {
      const { fetch, calls } = fakeFetch(() => json(200, {}));
      const query = JSON.parse(`{"${key}": "x"}`);
      await expect(d360({ fetch }).clients.getBalance({ clientId: "c" }, query)).rejects.toThrow(
        /has no query parameter/,
      );
      expect(calls).toHaveLength(0);
    },
  );

  it.each([
    [
      "circular",
      () => {
        const body: Record<string, unknown> = { partner_payload: "x" };
        body.self = body;
        return body;
      },
    ],
    ["with a BigInt", () => ({ partner_payload: "x", max_channels: 5n })],
  ])("a body that cannot be serialised (%s) is a TypeError, not a network error", async (_what, make) => {
    const { fetch, calls } = fakeFetch(() => json(200, {}));
    await expect(d360({ fetch }).clients.update({ clientId: "c" }, make() as never)).rejects.toThrow(TypeError);
    expect(calls).toHaveLength(0);
  });
});

describe("per-call options", () => {
  it.each([["X-API-Key"], ["x-api-key"], ["Authorization"], ["Host"]])(
    "a %s header is a TypeError before sending",
    async (name) => {
      const { fetch, calls } = fakeFetch(() => json(200, okBlocked));
      await expect(d360({ fetch }).channels.listBlockedUsers(ref, { headers: { [name]: "v" } })).rejects.toThrow(
        /cannot be set per call/,
      );
      expect(calls).toHaveLength(0);
    },
  );

  it("headers are sent; extraQuery and extraBody are merged last and win", async () => {
    const { fetch, calls } = fakeFetch(() => json(200, { meta: { success: true } }));
    const client = d360({ fetch });
    await client.clients.getBalance(
      { clientId: "c" },
      { granularity: "DAY" },
      { headers: { "X-Request-Id": "r-1" }, extraQuery: { granularity: "day", debug: "1" } },
    );
    expect(calls[0]?.url.searchParams.getAll("granularity")).toEqual(["day"]);
    expect(calls[0]?.url.searchParams.get("debug")).toBe("1");
    expect(calls[0]?.headers.get("x-request-id")).toBe("r-1");
    await client.channels.updateDisplayName(
      ids,
      { name: "Acme" },
      { extraBody: { name: "Acme GmbH", new_field: true } },
    );
    expect(JSON.parse(calls[1]?.body ?? "")).toEqual({ name: "Acme GmbH", new_field: true });
  });

  it("extraBody on an operation without a request body is a TypeError", async () => {
    const { fetch, calls } = fakeFetch(() => json(200, okBlocked));
    await expect(d360({ fetch }).channels.listBlockedUsers(ref, { extraBody: { x: 1 } })).rejects.toThrow(
      /takes no request body/,
    );
    expect(calls).toHaveLength(0);
  });

  it("timeout and retry per call override the client's", async () => {
    const stalled = fakeFetch(() => "stall");
    const clock = fakeClock();
    const slow = await clock.drive(
      d360({ fetch: stalled.fetch, timeout: 60_000, clock }).channels.listBlockedUsers(ref, {
        timeout: 20,
        retry: false,
      }),
    );
    expect(slow.error).toMatchObject({ kind: "timeout", timeoutMs: 20, attempts: 1 });
    const busy = fakeFetch(() => json(503, { meta: { developer_message: "busy", http_code: 503, success: false } }));
    const once = await d360({ fetch: busy.fetch, retry: { limit: 3, backoffLimit: 1 } }).channels.listBlockedUsers(
      ref,
      { retry: false },
    );
    expect(once.error).toMatchObject({ kind: "api", status: 503, attempts: 1 });
  });

  it("a POST that timed out may have been processed, and is not retried", async () => {
    const { fetch, calls } = fakeFetch(() => "stall");
    const clock = fakeClock();
    const result = await clock.drive(
      d360({ fetch, clock, rateLimit: false, retry: { limit: 3 } }).channels.createApiKey(ref, { timeout: 20 }),
    );
    expect(result.error).toMatchObject({ kind: "timeout", mayHaveBeenProcessed: true, attempts: 1 });
    expect(calls).toHaveLength(1);
  });
});

describe("logging", () => {
  it("a rejecting async logger never becomes an unhandled rejection nor fails the call", async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on("unhandledRejection", onUnhandled);
    cleanups.push(() => process.off("unhandledRejection", onUnhandled));
    const { fetch } = fakeFetch(() => json(200, okBlocked));
    const result = await d360({
      fetch,
      logger: async () => {
        throw new Error("log sink down");
      },
    }).channels.listBlockedUsers(ref);
    expect(result.error).toBeUndefined();
    // Unhandled rejections are reported once the microtask queue drains: two turns are enough.
    await flush();
    await flush();
    expect(unhandled).toEqual([]);
  });
});
