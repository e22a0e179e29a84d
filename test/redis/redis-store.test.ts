import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer, type Socket } from "node:net";
import { promisify } from "node:util";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDialog360Client } from "../../src/360dialog/index.ts";
import type { RateLimitGrant } from "../../src/index.ts";
import { createRedisRateLimitStore } from "../../src/redis/index.ts";
import { fakeFetch, json } from "../support/fake-fetch.ts";
import { sendJson, startHttpServer } from "../support/http-server.ts";
import { REDIS_SERVER, startRedisServer } from "../support/redis-server.ts";
import { maxInAnyWindow } from "../support/windows.ts";

// The Redis-backed store against a real redis-server (Debian's package; .ci/run installs it). Outside
// CI, a machine without it skips these tests and says so; in CI they must run.
const available = existsSync(REDIS_SERVER);
if (!available && !process.env.CI) console.warn(`redis store tests skipped: no redis-server at ${REDIS_SERVER}`);
const run = promisify(execFile);

describe.skipIf(!available && !process.env.CI)("createRedisRateLimitStore", () => {
  let server: Awaited<ReturnType<typeof startRedisServer>>;
  let redis: Redis;
  let n = 0;
  const key = () => `test-${++n}`;
  beforeAll(async () => {
    server = await startRedisServer();
    redis = new Redis({ port: server.port, host: "127.0.0.1" });
  });
  afterAll(async () => {
    redis?.disconnect();
    await server?.stop();
  });
  const request = (k: string, extra: Record<string, unknown> = {}) => ({
    key: k,
    limit: 2,
    windowMs: 200,
    maxWaitMs: 5_000,
    // A lease of 0: the slot counts as if its request ended when it was granted.
    leaseMs: 0,
    ...extra,
  });

  it("grants up to the limit, then makes the next caller wait for the window (Redis's clock)", async () => {
    const audit = `audit-${key()}`;
    const store = createRedisRateLimitStore({ client: redis, auditList: audit });
    const k = key();
    const waits: number[] = [];
    const grants = await Promise.all(
      [0, 1, 2].map(() => store.acquire(request(k, { onWait: (ms: number) => waits.push(ms) }))),
    );
    expect(grants.every((g) => g.granted)).toBe(true);
    expect(waits).toHaveLength(1);
    // On the Redis server's clock: the third slot is granted only once the first has left the window.
    const times = (await redis.lrange(audit, 0, -1)).map((line) => Number(line.split(" ")[1]));
    expect(times).toHaveLength(3);
    expect((times[2] as number) - (times[0] as number)).toBeGreaterThanOrEqual(200);
  });

  it("answers granted: false with retryAfterMs instead of waiting past maxWaitMs, taking nothing", async () => {
    const store = createRedisRateLimitStore({ client: redis });
    const k = key();
    await store.acquire(request(k));
    await store.acquire(request(k));
    const answer = await store.acquire(request(k, { maxWaitMs: 0 }));
    expect(answer.granted).toBe(false);
    expect(!answer.granted && answer.retryAfterMs).toBeGreaterThan(0);
    // Slots are held (`:held`) until settled, then counted from their end: two in all, none taken.
    const set = `bsp-sdk:rate-limit:${k}`;
    expect((await redis.zcard(set)) + (await redis.zcard(`${set}:held`))).toBe(2);
  });

  it("gives a released slot back, and keys expire by themselves", async () => {
    const store = createRedisRateLimitStore({ client: redis, prefix: "rel:" });
    const k = key();
    const first = (await store.acquire(request(k, { windowMs: 60_000 }))) as RateLimitGrant & { granted: true };
    await store.acquire(request(k, { windowMs: 60_000 }));
    expect((await store.acquire(request(k, { windowMs: 60_000, maxWaitMs: 0 }))).granted).toBe(false);
    await store.settle(first.slot, { sent: false });
    expect((await store.acquire(request(k, { windowMs: 60_000, maxWaitMs: 0 }))).granted).toBe(true);
    // The budget's keys (held slots, ended slots: which exist depends on how many milliseconds passed
    // between the calls) all expire by themselves, within one lease and one window.
    const keys = await redis.keys(`rel:${k}*`);
    expect(keys.length).toBeGreaterThan(0);
    for (const name of keys) {
      const ttl = await redis.pttl(name);
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(60_001);
    }
  });

  it("a pause (a server's 429) holds every caller, in every process, until it ends", async () => {
    const audit = `audit-${key()}`;
    const store = createRedisRateLimitStore({ client: redis });
    const other = createRedisRateLimitStore({
      client: new Redis({ port: server.port, host: "127.0.0.1" }),
      auditList: audit,
    });
    const k = key();
    const [seconds, micros] = (await redis.time()).map(Number) as [number, number];
    const pausedAt = seconds * 1000 + Math.floor(micros / 1000);
    await store.pause(k, 300);
    const answer = await other.acquire(request(k));
    expect(answer.granted).toBe(true);
    // On the Redis server's clock: no grant before the pause ended.
    const [granted] = (await redis.lrange(audit, 0, -1)).map((line) => Number(line.split(" ")[1]));
    expect((granted as number) - pausedAt).toBeGreaterThanOrEqual(300);
    expect((await other.acquire(request(k, { maxWaitMs: 0 }))).granted).toBe(true);
  });

  it("rejects with the caller's reason when aborted while waiting", async () => {
    const store = createRedisRateLimitStore({ client: redis });
    const k = key();
    await store.acquire(request(k, { windowMs: 60_000 }));
    await store.acquire(request(k, { windowMs: 60_000 }));
    const controller = new AbortController();
    let announce: () => void = () => {};
    const waitingStarted = new Promise<void>((resolve) => {
      announce = resolve;
    });
    const waiting = store.acquire(
      request(k, { windowMs: 60_000, maxWaitMs: 120_000, signal: controller.signal, onWait: () => announce() }),
    );
    // Aborted as soon as the store says it will wait: no timing involved.
    await waitingStarted;
    controller.abort(new DOMException("stop", "AbortError"));
    await expect(waiting).rejects.toMatchObject({ name: "AbortError" });
  });

  it("a held slot counts until it is settled, then for one window from its end (Redis's clock)", async () => {
    const audit = `audit-${key()}`;
    const store = createRedisRateLimitStore({ client: redis, prefix: "end:", auditList: audit });
    const k = key();
    const rule = request(k, { limit: 1, windowMs: 60_000, leaseMs: 120_000, maxWaitMs: 0 });
    const first = await store.acquire(rule);
    expect(first.granted).toBe(true);
    expect((await store.acquire(rule)).granted).toBe(false);
    const redisNow = async () => {
      const [seconds, micros] = (await redis.time()).map(Number) as [number, number];
      return seconds * 1000 + micros / 1000;
    };
    const before = await redisNow();
    if (first.granted) await store.settle(first.slot, { sent: true });
    const [grantedAt] = (await redis.lrange(audit, 0, -1)).map((line) => Number(line.split(" ")[1]));
    const end = Number(await redis.zscore(`end:${k}`, (first as unknown as { slot: { member: string } }).slot.member));
    // Stamped on Redis's clock when settled, rounded up: never earlier than the true end, and not the grant.
    expect(end).toBeGreaterThanOrEqual(before);
    expect(before).toBeGreaterThanOrEqual(grantedAt as number);
    const answer = await store.acquire(rule);
    const after = await redisNow();
    expect(answer.granted).toBe(false);
    expect(!answer.granted && answer.retryAfterMs).toBeGreaterThanOrEqual(end + 60_000 - after);
    const ttl = await redis.pttl(`end:${k}`);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(60_001);
  });

  it("a slot whose process never settles it counts as ended when its lease runs out, and its keys expire", async () => {
    const audit = `audit-${key()}`;
    const store = createRedisRateLimitStore({ client: redis, prefix: "lease:", auditList: audit });
    const k = key();
    const rule = request(k, { limit: 1, windowMs: 100, leaseMs: 200, maxWaitMs: 5_000 });
    // The holder crashes: no settle. The held set expires by itself, no sooner than lease + window.
    expect((await store.acquire(rule)).granted).toBe(true);
    const ttl = await redis.pttl(`lease:${k}:held`);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(300);
    expect((await store.acquire(rule)).granted).toBe(true);
    // On Redis's clock: the second grant came once the lease ran out and one window passed after it.
    const [a, b] = (await redis.lrange(audit, 0, -1)).map((line) => Number(line.split(" ")[1]));
    expect((b as number) - (a as number)).toBeGreaterThanOrEqual(300);
  });

  it("keeps two partners' budgets apart (the client's key carries the partner)", async () => {
    const store = createRedisRateLimitStore({ client: redis, prefix: "acct:" });
    const { fetch, calls } = fakeFetch(() => json(200, { api_key: "k", address: "a", app_id: "1", id: "1" }));
    const client = (partnerId: string) =>
      createDialog360Client({
        partnerId,
        apiKey: "key-1234",
        baseUrl: "http://127.0.0.1:9",
        fetch,
        rateLimit: { store, maxWait: 0 },
      });
    expect((await client("partnerA").channels.createApiKey({ channelId: "ch" })).error).toBeUndefined();
    expect((await client("partnerB").channels.createApiKey({ channelId: "ch" })).error).toBeUndefined();
    expect((await client("partnerA").channels.createApiKey({ channelId: "ch" })).error).toMatchObject({
      kind: "rate_limited",
    });
    expect(calls).toHaveLength(2);
    const keys = await redis.keys("acct:*");
    expect(keys.sort()).toEqual([
      "acct:generate-api-key|partner_id=partnerA|channel_id=ch",
      "acct:generate-api-key|partner_id=partnerB|channel_id=ch",
    ]);
  });

  describe("when Redis is down or silent", () => {
    const password = "redis-PASSWORD-9f8e";
    const closedPort = async () =>
      new Promise<number>((resolve) => {
        const s = createServer().listen(0, "127.0.0.1", () => {
          const { port } = s.address() as { port: number };
          s.close(() => resolve(port));
        });
      });
    const downClient = async () => {
      const client = new Redis(`redis://user:${password}@127.0.0.1:${await closedPort()}`, {
        maxRetriesPerRequest: 0,
        retryStrategy: () => null,
      });
      client.on("error", () => {});
      return client;
    };

    it("falls back to pacing in memory by default, with one warning that names no password", async () => {
      const warnings: string[] = [];
      const client = await downClient();
      const store = createRedisRateLimitStore({ client, onWarning: (w) => warnings.push(w) });
      const grants = [await store.acquire(request("down")), await store.acquire(request("down"))];
      expect(grants.every((g) => g.granted)).toBe(true);
      expect((await store.acquire(request("down", { maxWaitMs: 0 }))).granted).toBe(false);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(/unavailable/);
      expect(warnings.join(" ")).not.toContain(password);
      client.disconnect();
    });

    it('with onUnavailable: "fail", fails the call as a network error, sends nothing, leaks no password', async () => {
      const client = await downClient();
      const store = createRedisRateLimitStore({ client, onUnavailable: "fail" });
      const { fetch, calls } = fakeFetch(() => json(200, { api_key: "k", address: "a", app_id: "1", id: "1" }));
      const d360 = createDialog360Client({
        partnerId: "p",
        apiKey: "key-1234",
        baseUrl: "http://127.0.0.1:9",
        fetch,
        rateLimit: { store },
      });
      const result = await d360.channels.createApiKey({ channelId: "ch" });
      expect(result.error).toMatchObject({ kind: "network", attempts: 0 });
      expect(result.error?.message).toMatch(
        /rate-limit store failed: the shared rate-limit store \(Redis\) is unavailable/,
      );
      expect(JSON.stringify(result.error)).not.toContain(password);
      expect(calls).toHaveLength(0);
      client.disconnect();
    });

    it("a Redis that accepts and never answers costs at most commandTimeout, never the call's deadline", async () => {
      const sockets: Socket[] = [];
      const silent = createServer((s) => sockets.push(s)).listen(0, "127.0.0.1");
      await new Promise((r) => silent.once("listening", r));
      const client = new Redis({
        port: (silent.address() as { port: number }).port,
        host: "127.0.0.1",
        maxRetriesPerRequest: 1,
      });
      const store = createRedisRateLimitStore({ client, commandTimeout: 100 });
      const { fetch, calls } = fakeFetch(() => json(200, { api_key: "k", address: "a", app_id: "1", id: "1" }));
      const d360 = createDialog360Client({
        partnerId: "p",
        apiKey: "key-1234",
        baseUrl: "http://127.0.0.1:9",
        fetch,
        rateLimit: { store },
      });
      const result = await d360.channels.createApiKey({ channelId: "ch" });
      expect(result.error).toBeUndefined();
      expect(calls).toHaveLength(1);
      // A call whose wait is bounded shorter than commandTimeout gives Redis only that long.
      const bounded = createRedisRateLimitStore({ client, commandTimeout: 60_000 });
      const grant = await bounded.acquire({ key: "silent", limit: 1, windowMs: 1000, maxWaitMs: 50, leaseMs: 0 });
      expect(grant.granted).toBe(true);
      client.disconnect();
      for (const s of sockets) s.destroy();
      await new Promise((r) => silent.close(r));
    });
  });

  describe("the proof: 4 processes share one budget", () => {
    // 50 generate-API-key calls for one channel (1 per 30 s) and 100 balance calls (5 per 30 s per
    // partner), spread over 4 worker processes; windows scaled to 300 ms. The HTTP server counts like
    // a real limiter: strictly, at the moment each request arrives, and answers 429 over budget.
    // Asserted on the server's own arrival log: no 300 ms window holds more than the budget, no 429,
    // every call arrives exactly once, no fallback to memory. This holds on a slow machine too: a slot
    // counts from the end of its request (the response's headers reached the client, after the server
    // logged the arrival) on Redis's clock, and the next request of the budget is granted one window
    // later and arrives later still, however long any process was descheduled. The grants (Redis's
    // audit list) are asserted as before.
    async function proof(skews: number[]) {
      const arrivals: Array<{ at: number; call: string; kind: string }> = [];
      const refused: string[] = [];
      const budgets = { key: { limit: 1, times: [] as number[] }, balance: { limit: 5, times: [] as number[] } };
      const http = await startHttpServer((req, res) => {
        const kind = req.url.pathname.endsWith("/api_keys")
          ? "key"
          : req.url.pathname.endsWith("/balance")
            ? "balance"
            : "warmup";
        // Wall-clock time with sub-millisecond precision: the clock Redis's TIME reads.
        const at = performance.timeOrigin + performance.now();
        arrivals.push({ at, call: String(req.headers["x-call"]), kind });
        if (kind !== "warmup") {
          const budget = budgets[kind];
          const inWindow = budget.times.filter((t) => t > at - 300).length;
          budget.times.push(at);
          if (inWindow >= budget.limit) {
            refused.push(`${kind} at ${at}`);
            sendJson(res, 429, { meta: { developer_message: "rate limited", http_code: 429, success: false } });
            return;
          }
        }
        sendJson(
          res,
          200,
          kind === "key"
            ? { api_key: "k", address: "a", app_id: "1", id: "1" }
            : { balance: 0, currency: "eur", usage: [] },
        );
      });
      try {
        const worker = new URL("./worker.ts", import.meta.url).pathname;
        const outputs = await Promise.all(
          skews.map((skew, i) =>
            run(
              process.execPath,
              [worker, String(server.port), http.url, String(i), String(skew), i < 2 ? "13" : "12", "25"],
              {
                timeout: 100_000,
              },
            ),
          ),
        );
        const summaries = outputs.map(
          (o) => JSON.parse(o.stdout) as { ok: number; failed: string[]; warnings: string[] },
        );
        expect(refused).toEqual([]);
        expect(summaries.flatMap((s) => s.failed)).toEqual([]);
        expect(summaries.flatMap((s) => s.warnings)).toEqual([]);
        expect(arrivals.filter((a) => a.kind === "warmup")).toHaveLength(skews.length);
        const key = arrivals.filter((a) => a.kind === "key");
        const balance = arrivals.filter((a) => a.kind === "balance");
        expect(key).toHaveLength(50);
        expect(balance).toHaveLength(100);
        expect(new Set([...key, ...balance].map((a) => a.call)).size).toBe(150);
        const grants = (await redis.lrange("proof:grants", 0, -1)).map((line) => line.split(" "));
        const grantTimes = (kind: string) =>
          grants.filter(([k]) => (k as string).startsWith(`proof:${kind}`)).map(([, t]) => Number(t));
        return {
          grants: {
            keyMax: maxInAnyWindow(grantTimes("generate-api-key"), 300),
            balanceMax: maxInAnyWindow(grantTimes("client-balance"), 300),
            count: grants.length,
          },
          arrivals: {
            keyMax: maxInAnyWindow(
              key.map((a) => a.at),
              300,
            ),
            balanceMax: maxInAnyWindow(
              balance.map((a) => a.at),
              300,
            ),
          },
        };
      } finally {
        await http.close();
      }
    }

    it("never exceeds either budget in any window, and loses or repeats no call", { timeout: 120_000 }, async () => {
      await redis.flushall();
      const result = await proof([0, 0, 0, 0]);
      console.log(`redis proof, clocks in step: max per 300 ms window ${JSON.stringify(result)}`);
      expect(result.grants).toEqual({ keyMax: 1, balanceMax: 5, count: 150 });
      expect(result.arrivals).toEqual({ keyMax: 1, balanceMax: 5 });
    });

    it("holds the same with one worker's clock 10 s ahead", { timeout: 120_000 }, async () => {
      await redis.flushall();
      const result = await proof([10_000, 0, 0, 0]);
      console.log(`redis proof, one clock +10 s: max per 300 ms window ${JSON.stringify(result)}`);
      expect(result.grants).toEqual({ keyMax: 1, balanceMax: 5, count: 150 });
      expect(result.arrivals).toEqual({ keyMax: 1, balanceMax: 5 });
    });
  });
});
