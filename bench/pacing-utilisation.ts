import { existsSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { join } from "node:path";
import { Redis } from "ioredis";
import { ROOT } from "../scripts/providers.ts";
import { REDIS_SERVER, startRedisServer } from "../test/support/redis-server.ts";
import { buildBase } from "./base-build.ts";

/**
 * Budget utilisation of client-side pacing against a server that counts like a real limiter
 * (strictly, at the moment each request arrives; 429 with Retry-After over budget), with 0–30 ms of
 * one-way latency on each leg (drawn per request in the client's fetch). 60 concurrent
 * `clients.getBalance` calls for one partner (5 per 30 s), windows scaled down 50× (600 ms) by a
 * store wrapper, no retries. Measured for the in-memory and the Redis store, for the base commit
 * (built in a git worktree) and this tree's dist/, in the same run.
 *
 * Utilisation = ((successes − limit) / limit) / ((last success's arrival − first's) / window): 1.0 is
 * the physical limit (a full budget in every window); latency costs each window its round trip.
 */
export const PACING_BASE = process.env.BENCH_PACING_BASE ?? "c95dfeb";
const SCALE = 50;
const LIMIT = 5;
const WINDOW_MS = 30_000 / SCALE;
const CALLS = 60;

interface DistModules {
  createDialog360Client: (options: Record<string, unknown>) => {
    clients: { getBalance(params: { clientId: string }): Promise<{ error?: unknown }> };
  };
  MemoryRateLimitStore: new () => Record<string, (...args: unknown[]) => unknown>;
  createRedisRateLimitStore: (options: Record<string, unknown>) => Record<string, (...args: unknown[]) => unknown>;
}

async function load(dist: string): Promise<DistModules> {
  const [d360, core, redis] = await Promise.all([
    import(join(dist, "src/360dialog/index.js")),
    import(join(dist, "src/index.js")),
    import(join(dist, "src/redis/index.js")),
  ]);
  return {
    createDialog360Client: d360.createDialog360Client,
    MemoryRateLimitStore: core.MemoryRateLimitStore,
    createRedisRateLimitStore: redis.createRedisRateLimitStore,
  };
}

/** The strict limiter: arrivals in (t − window, t]; over budget, a 429 whose Retry-After is in real (unscaled) seconds. */
async function startStrictServer() {
  const arrivals: number[] = [];
  const successes: number[] = [];
  let refused = 0;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const at = performance.now();
    req.resume();
    const inWindow = arrivals.filter((t) => t > at - WINDOW_MS);
    arrivals.push(at);
    if (inWindow.length >= LIMIT) {
      refused += 1;
      const waitMs = (inWindow[inWindow.length - LIMIT] as number) + WINDOW_MS - at;
      const body = JSON.stringify({ meta: { developer_message: "rate limited", http_code: 429, success: false } });
      res.writeHead(429, {
        "content-type": "application/json",
        "retry-after": String(Math.max(1, Math.ceil((waitMs * SCALE) / 1000))),
      });
      res.end(body);
      return;
    }
    successes.push(at);
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ balance: 0, currency: "eur", usage: [] }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    result: () => ({ arrivals: [...arrivals], successes: [...successes], refused }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Scales a store's windows and pauses down; passes `settle` through where the store has one. */
function scaled(store: Record<string, (...args: unknown[]) => unknown>) {
  const wrapper: Record<string, (...args: unknown[]) => unknown> = {
    acquire: (request) =>
      store.acquire?.({
        ...(request as Record<string, unknown>),
        windowMs: (request as { windowMs: number }).windowMs / SCALE,
      }),
    pause: (key, ms) => store.pause?.(key, (ms as number) / SCALE),
  };
  if (typeof store.settle === "function") wrapper.settle = (slot, settlement) => store.settle?.(slot, settlement);
  return wrapper;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function runOnce(modules: DistModules, store: Record<string, (...args: unknown[]) => unknown>, seed: number) {
  const server = await startStrictServer();
  let state = seed;
  const latency = () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return (state / 2 ** 31) * 30;
  };
  const fetchWithLatency = async (input: RequestInfo | URL, init?: RequestInit) => {
    await sleep(latency());
    const response = await fetch(input, init);
    await sleep(latency());
    return response;
  };
  const d360 = modules.createDialog360Client({
    partnerId: "examplePA",
    apiKey: "bench-key-1234",
    baseUrl: server.url,
    fetch: fetchWithLatency,
    retry: false,
    timeout: 60_000,
    totalTimeout: 600_000,
    rateLimit: { store: scaled(store) },
  });
  const results = await Promise.all(
    Array.from({ length: CALLS }, (_, i) => d360.clients.getBalance({ clientId: `cl${i}` })),
  );
  await server.close();
  const { successes, refused } = server.result();
  const span = (successes.at(-1) ?? 0) - (successes[0] ?? 0);
  const utilisation = span > 0 ? (successes.length - LIMIT) / LIMIT / (span / WINDOW_MS) : 0;
  return { utilisation, refused, failed: results.filter((r) => r.error).length, successes: successes.length };
}

export async function pacingUtilisation() {
  const base = buildBase(PACING_BASE);
  const redisServer = existsSync(REDIS_SERVER) ? await startRedisServer() : undefined;
  const redis = redisServer ? new Redis({ port: redisServer.port, host: "127.0.0.1" }) : undefined;
  redis?.on("error", () => {});
  const rows: Array<{
    code: string;
    store: string;
    utilisation: number;
    refused: number;
    failed: number;
    successes: number;
  }> = [];
  try {
    const variants: Array<[string, DistModules]> = [
      [`base ${PACING_BASE}`, await load(base.dist)],
      ["this tree", await load(join(ROOT, "dist"))],
    ];
    let n = 0;
    for (const [code, modules] of variants) {
      rows.push({ code, store: "memory", ...(await runOnce(modules, new modules.MemoryRateLimitStore(), 42)) });
      if (redis) {
        await redis.flushall();
        const store = modules.createRedisRateLimitStore({
          client: redis,
          prefix: `bench-${++n}:`,
          onUnavailable: "fail",
        });
        rows.push({ code, store: "Redis", ...(await runOnce(modules, store, 42)) });
      }
    }
  } finally {
    redis?.disconnect();
    await redisServer?.stop();
    base.remove();
  }
  return rows;
}

if (import.meta.main) console.table(await pacingUtilisation());
