import { describe, expect, it } from "vitest";
import { createDialog360Client } from "../../src/360dialog/index.ts";
import { createBirdClient } from "../../src/bird/index.ts";
import { MemoryRateLimitStore, type RateLimitStore } from "../../src/index.ts";
import { fakeClock } from "../support/fake-clock.ts";
import { fakeFetch, json } from "../support/fake-fetch.ts";
import { seeded, strictWindowServer } from "../support/strict-window-server.ts";
import { maxInAnyWindow } from "../support/windows.ts";

// Pacing against servers that count their window at the moment a request arrives. Client, latency
// and server all run on one injected clock, so "no 429 caused by our own pacing" holds by
// construction on any machine: no real time passes, and the seed fixes every latency.

const WS = "6f1c1f0e-5a4a-4b53-9a3c-6f0b7f4b1c2d";
const birdChannel = { id: "123e4567-e89b-12d3-a456-426614174000", name: "Acme", platformId: "whatsapp" };
const apiKey = { api_key: "k", address: "a", app_id: "1", id: "1" };
const balance = { balance: 0, currency: "eur", usage: [] };

describe("a strict server counting at arrival, with 0–30 ms of latency on each leg", () => {
  it("Bird: 150 concurrent channels.get (50 per second) get no 429 and all succeed", async () => {
    const clock = fakeClock();
    const random = seeded(7);
    const server = strictWindowServer({
      clock,
      limit: 50,
      windowMs: 1000,
      counts: () => true,
      latency: () => random() * 30,
      answer: () => json(200, birdChannel),
    });
    const bird = createBirdClient({
      accessKey: "bird-key-123456",
      workspaceId: WS,
      baseUrl: "http://127.0.0.1:9",
      fetch: server.fetch,
      clock,
      retry: false,
      rateLimit: { store: new MemoryRateLimitStore({ clock }) },
    });
    const results = await clock.drive(
      Promise.all(Array.from({ length: 150 }, () => bird.channels.get({ channelId: birdChannel.id }))),
    );
    expect(results.filter((r) => r.error).map((r) => r.error?.message)).toEqual([]);
    expect(server.refused).toEqual([]);
    expect(server.arrivals).toHaveLength(150);
    expect(maxInAnyWindow(server.arrivals, 1000)).toBeLessThanOrEqual(50);
  });

  it("360dialog: 60 concurrent clients.getBalance (5 per 30 s) get no 429 and all succeed", async () => {
    const clock = fakeClock();
    const random = seeded(11);
    const server = strictWindowServer({
      clock,
      limit: 5,
      windowMs: 30_000,
      counts: (url) => url.pathname.endsWith("/balance"),
      latency: () => random() * 30,
      answer: () => json(200, balance),
    });
    const d360 = createDialog360Client({
      partnerId: "examplePA",
      apiKey: "key-1234",
      baseUrl: "http://127.0.0.1:9",
      fetch: server.fetch,
      clock,
      retry: false,
      totalTimeout: 24 * 3600_000,
      timeout: 60_000,
      rateLimit: { store: new MemoryRateLimitStore({ clock }) },
    });
    const results = await clock.drive(
      Promise.all(Array.from({ length: 60 }, (_, i) => d360.clients.getBalance({ clientId: `cl${i}` }))),
      100_000,
    );
    expect(results.filter((r) => r.error).map((r) => r.error?.message)).toEqual([]);
    expect(server.refused).toEqual([]);
    expect(maxInAnyWindow(server.arrivals, 30_000)).toBe(5);
  });
});

describe("which requests hold a slot", () => {
  it("a same-origin redirect hop is a request: it takes a slot of its own", async () => {
    const clock = fakeClock();
    const t0 = clock.now();
    const arrivals: number[] = [];
    const { fetch } = fakeFetch((call) => {
      arrivals.push(clock.now() - t0);
      return call.url.pathname.endsWith("/balance")
        ? new Response(null, { status: 302, headers: { location: `${call.url.pathname}/moved` } })
        : json(200, balance);
    });
    const d360 = createDialog360Client({
      partnerId: "examplePA",
      apiKey: "key-1234",
      baseUrl: "http://127.0.0.1:9",
      fetch,
      clock,
      // The hop's wait for its slot runs under the attempt's timeout: long enough here for one window.
      timeout: 60_000,
      totalTimeout: 120_000,
      rateLimit: { store: new MemoryRateLimitStore({ clock }) },
    });
    // 3 calls, each redirected once: 6 requests against 5 per 30 s.
    const results = await clock.drive(
      Promise.all([0, 1, 2].map((i) => d360.clients.getBalance({ clientId: `cl${i}` }))),
    );
    expect(results.every((r) => r.error === undefined)).toBe(true);
    expect(arrivals).toHaveLength(6);
    expect(maxInAnyWindow(arrivals, 30_000)).toBe(5);
    expect(arrivals.at(-1)).toBe(30_000);
  });

  it("a createApiKey whose first attempt gets a 401 replays after the token refresh without waiting for a new slot", async () => {
    const clock = fakeClock();
    const t0 = clock.now();
    let tokens = 0;
    let keyCalls = 0;
    const lines: Record<string, unknown>[] = [];
    const { fetch, calls } = fakeFetch((call) => {
      if (call.url.pathname === "/api/v2/token") {
        tokens += 1;
        return json(200, { access_token: `tok-${tokens}`, token_type: "Bearer", expires_in: 3600 });
      }
      keyCalls += 1;
      // The first token has expired on the server's side: the first attempt gets a 401.
      return call.headers.get("authorization") === "Bearer tok-1"
        ? json(401, { meta: { developer_message: "token expired", http_code: 401, success: false } })
        : json(200, apiKey);
    });
    const d360 = createDialog360Client({
      partnerId: "examplePA",
      credentials: { username: "ops@example.com", password: "pw-SECRET-99" },
      baseUrl: "http://127.0.0.1:9",
      fetch,
      clock,
      logger: (line) => void lines.push({ ...line }),
      rateLimit: { store: new MemoryRateLimitStore({ clock }), maxWait: 1000 },
    });
    const first = await clock.drive(d360.channels.createApiKey({ channelId: "exampleCH" }));
    expect(first.error).toBeUndefined();
    expect(first.data).toEqual(apiKey);
    expect(keyCalls).toBe(2);
    expect(clock.now() - t0).toBe(0);
    expect(lines.filter((l) => l.event === "rate_limit_wait")).toEqual([]);
    // One slot for both: the next call for the channel waits one window from the replay's end.
    const second = await d360.channels.createApiKey({ channelId: "exampleCH" });
    expect(second.error).toMatchObject({ kind: "rate_limited", retryAfterMs: 30_000, attempts: 0 });
    expect(calls.map((c) => c.url.pathname.split("/").at(-1))).toEqual(["token", "api_keys", "token", "api_keys"]);
  });

  describe("the slot a 401 keeps for its replay", () => {
    const tokenClient = (fetch: typeof globalThis.fetch, clock: ReturnType<typeof fakeClock>, extra = {}) =>
      createDialog360Client({
        partnerId: "examplePA",
        credentials: { username: "ops@example.com", password: "pw-SECRET-99" },
        baseUrl: "http://127.0.0.1:9",
        fetch,
        clock,
        retry: false,
        rateLimit: { store: new MemoryRateLimitStore({ clock }), maxWait: 0 },
        ...extra,
      });
    const refused = () => Object.assign(new TypeError("fetch failed"), { cause: { code: "ECONNREFUSED" } });
    const expired = () => json(401, { meta: { developer_message: "token expired", http_code: 401, success: false } });

    it("stays counted when the replay's connection is refused (the 401'd request reached the server)", async () => {
      const clock = fakeClock();
      let keyCalls = 0;
      const { fetch } = fakeFetch((call) => {
        if (call.url.pathname === "/api/v2/token") return json(200, { access_token: "tok", expires_in: 3600 });
        keyCalls += 1;
        if (keyCalls === 1) return expired();
        if (keyCalls === 2) throw refused();
        return json(200, apiKey);
      });
      const d360 = tokenClient(fetch, clock);
      const first = await clock.drive(d360.channels.createApiKey({ channelId: "exampleCH" }));
      expect(first.error).toMatchObject({ kind: "network" });
      // Had the slot been given back, this call would be sent at once (maxWait 0).
      const second = await d360.channels.createApiKey({ channelId: "exampleCH" });
      expect(second.error).toMatchObject({ kind: "rate_limited", attempts: 0 });
      expect(keyCalls).toBe(2);
    });

    it("ends the call with the 401 when the refresh for the replay fails, counting the attempt sent", async () => {
      const clock = fakeClock();
      let tokens = 0;
      const { fetch } = fakeFetch((call) => {
        if (call.url.pathname === "/api/v2/token") {
          tokens += 1;
          return tokens === 1
            ? json(200, { access_token: "tok-1", expires_in: 3600 })
            : json(401, { meta: { developer_message: "Invalid credentials", http_code: 401, success: false } });
        }
        return expired();
      });
      const result = await clock.drive(tokenClient(fetch, clock).channels.createApiKey({ channelId: "exampleCH" }));
      expect(result.error).toMatchObject({ kind: "api", status: 401, attempts: 1 });
      expect(result.error?.message).not.toMatch(/was not sent/);
    });

    it("is settled when the caller aborts during the replay's token request, not held for its lease", async () => {
      const clock = fakeClock();
      const t0 = clock.now();
      let tokens = 0;
      const sent: number[] = [];
      let refreshStarted: () => void = () => {};
      const refreshing = new Promise<void>((resolve) => (refreshStarted = resolve));
      const { fetch } = fakeFetch((call) => {
        if (call.url.pathname === "/api/v2/token") {
          tokens += 1;
          const token = json(200, { access_token: `tok-${tokens}`, expires_in: 3600 });
          if (tokens === 1) return token;
          // The refresh for the replay answers 5 s later: the caller aborts before it does.
          refreshStarted();
          return new Promise<Response>((resolve) => clock.setTimer(5_000, () => resolve(token)));
        }
        sent.push(clock.now() - t0);
        return tokens === 1 ? expired() : json(200, apiKey);
      });
      const d360 = tokenClient(fetch, clock, { rateLimit: { store: new MemoryRateLimitStore({ clock }) } });
      const controller = new AbortController();
      const first = d360.channels.createApiKey({ channelId: "exampleCH" }, { signal: controller.signal });
      await refreshing;
      controller.abort();
      await expect(first).rejects.toMatchObject({ name: "AbortError" });
      // The kept slot counts one window from the abort, not until its lease (the attempt's timeout) ran out.
      const second = await clock.drive(d360.channels.createApiKey({ channelId: "exampleCH" }));
      expect(second.error).toBeUndefined();
      expect(sent).toEqual([0, 30_000]);
    });
  });

  it("a slot whose holder never settles counts as ended when its lease (the attempt's deadline) runs out", async () => {
    const clock = fakeClock();
    const t0 = clock.now();
    const store = new MemoryRateLimitStore({ clock });
    const rule = { key: "k", limit: 1, windowMs: 1000, maxWaitMs: Number.POSITIVE_INFINITY };
    const held = await store.acquire({ ...rule, leaseMs: 5000 });
    expect(held.granted).toBe(true);
    let grantedAt: number | undefined;
    const next = store.acquire({ ...rule, leaseMs: 5000 }).then(() => (grantedAt = clock.now() - t0));
    await clock.runUntilIdle();
    await next;
    expect(grantedAt).toBe(6000);
  });

  it("a waiting call takes a slot given back (nothing sent) at once, and a settled slot one window after its end", async () => {
    const clock = fakeClock();
    const t0 = clock.now();
    const store = new MemoryRateLimitStore({ clock });
    const rule = { key: "k", limit: 1, windowMs: 1000, maxWaitMs: Number.POSITIVE_INFINITY, leaseMs: 60_000 };
    const a = await store.acquire(rule);
    const times: number[] = [];
    const b = store.acquire(rule).then((g) => {
      times.push(clock.now() - t0);
      return g;
    });
    await clock.advance(200);
    if (a.granted) store.settle(a.slot, { sent: false });
    const gb = await b;
    expect(times).toEqual([200]);
    // b's request ends 300 ms later: the next slot frees one window after that end, not after b's grant.
    await clock.advance(300);
    if (gb.granted) store.settle(gb.slot, { sent: true });
    const c = store.acquire(rule).then(() => times.push(clock.now() - t0));
    await clock.runUntilIdle();
    await c;
    expect(times).toEqual([200, 1500]);
  });

  it("an end is rounded up to the millisecond, never earlier than the true end", async () => {
    let now = 1000.4;
    const clock = { now: () => now, sleep: async () => {}, setTimer: () => () => {} };
    const store = new MemoryRateLimitStore({ clock });
    const rule = { key: "k", limit: 1, windowMs: 1000, maxWaitMs: 0, leaseMs: 10 };
    const a = await store.acquire(rule);
    if (a.granted) store.settle(a.slot, { sent: true });
    now = 2000.5;
    expect(await store.acquire(rule)).toEqual({ granted: false, retryAfterMs: 0.5 });
    now = 2001;
    expect((await store.acquire(rule)).granted).toBe(true);
  });
});

describe("what a call says when pacing stops it", () => {
  it("a retry that pacing would hold past maxWait ends the call with the last attempt's outcome, not rate_limited", async () => {
    const clock = fakeClock();
    const { fetch, calls } = fakeFetch(() =>
      json(429, { meta: { developer_message: "slow", http_code: 429, success: false } }, { "retry-after": "0" }),
    );
    const d360 = createDialog360Client({
      partnerId: "examplePA",
      apiKey: "key-1234",
      baseUrl: "http://127.0.0.1:9",
      fetch,
      clock,
      retry: { limit: 2 },
      rateLimit: { store: new MemoryRateLimitStore({ clock }), maxWait: 1000 },
    });
    const result = await clock.drive(d360.channels.createApiKey({ channelId: "exampleCH" }));
    expect(calls).toHaveLength(1);
    expect(result.error).toMatchObject({ kind: "api", status: 429, attempts: 1 });
    expect(result.error?.message).not.toMatch(/was not sent/);
    expect(result.error?.message).toMatch(/not retried: client-side pacing would hold the retry 30000 ms/);
  });

  it("the logger gets a rate_limit_pause line when a server's 429 pauses a budget", async () => {
    const clock = fakeClock();
    const lines: Record<string, unknown>[] = [];
    const { fetch } = fakeFetch(() => json(429, { code: "TooManyRequests", message: "slow" }, { "retry-after": "2" }));
    const bird = createBirdClient({
      accessKey: "bird-key-123456",
      workspaceId: WS,
      baseUrl: "http://127.0.0.1:9",
      fetch,
      clock,
      retry: false,
      logger: (line) => void lines.push({ ...line }),
      rateLimit: { store: new MemoryRateLimitStore({ clock }) },
    });
    await bird.channels.get({ channelId: birdChannel.id });
    expect(lines.filter((l) => l.event === "rate_limit_pause")).toEqual([
      {
        event: "rate_limit_pause",
        method: "GET",
        path: "/workspaces/{workspaceId}/channels/{channelId}",
        pauseMs: 2000,
        key: expect.stringContaining(WS),
      },
    ]);
  });

  it("a store without settle (written for an earlier 0.x) is a TypeError when the client is built", () => {
    const old = { acquire: async () => ({ granted: false, retryAfterMs: 1 }), pause: () => {} };
    expect(() =>
      createBirdClient({
        accessKey: "bird-key-123456",
        workspaceId: WS,
        rateLimit: { store: old as unknown as RateLimitStore },
      }),
    ).toThrow(/rateLimit\.store lacks settle \(since 0\.2 a store settles each slot/);
  });
});
