import { spawn } from "node:child_process";
import { once } from "node:events";
import { existsSync } from "node:fs";
import { Redis } from "ioredis";
import { createDialog360Client } from "../src/360dialog/index.ts";
import { MemoryRateLimitStore, type RateLimitStore } from "../src/index.ts";
import { createRedisRateLimitStore } from "../src/redis/index.ts";
import { REDIS_SERVER, startRedisServer } from "../test/support/redis-server.ts";

/**
 * The latency a shared Redis budget adds to a paced call (loopback): sequential balance calls (a paced
 * operation) with pacing off, with the in-memory store and with the Redis store. The budget is raised
 * for the measurement so no call waits: what is measured is the store's round trip.
 */
export async function redisLatency({ rounds = 15, callsPerRound = 100 } = {}) {
  if (!existsSync(REDIS_SERVER)) return undefined;
  const redisServer = await startRedisServer();
  const redis = new Redis({ port: redisServer.port, host: "127.0.0.1" });
  redis.on("error", () => {});
  const child = spawn(process.execPath, [new URL("./page-server.ts", import.meta.url).pathname], {
    stdio: ["pipe", "pipe", "inherit"],
  });
  const [first] = (await once(child.stdout, "data")) as [Buffer];
  const baseUrl = `http://127.0.0.1:${first.toString().trim()}`;
  const unlimited = (store: RateLimitStore): RateLimitStore => ({
    acquire: (request) => store.acquire({ ...request, limit: 1_000_000_000 }),
    settle: (slot, settlement) => store.settle(slot, settlement),
    pause: (key, ms) => store.pause(key, ms),
  });
  const client = (rateLimit: false | { store: RateLimitStore }) =>
    createDialog360Client({ partnerId: "examplePA", apiKey: "bench-key", baseUrl, rateLimit });
  const variants = {
    "pacing off": client(false),
    "in-memory store": client({ store: unlimited(new MemoryRateLimitStore()) }),
    "Redis store": client({ store: unlimited(createRedisRateLimitStore({ client: redis, prefix: "bench:" })) }),
  };
  const samples: Record<string, number[]> = Object.fromEntries(Object.keys(variants).map((k) => [k, []]));
  for (const d360 of Object.values(variants))
    for (let i = 0; i < 50; i++) await d360.clients.getBalance({ clientId: "c" });
  for (let round = 0; round < rounds; round++) {
    for (const [name, d360] of Object.entries(variants)) {
      const started = performance.now();
      for (let i = 0; i < callsPerRound; i++) await d360.clients.getBalance({ clientId: "c" });
      samples[name]?.push(((performance.now() - started) * 1000) / callsPerRound);
    }
  }
  child.stdin.end();
  child.kill();
  redis.disconnect();
  await redisServer.stop();
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
  const off = median(samples["pacing off"] ?? []);
  return Object.entries(samples).map(([name, xs]) => ({ name, medianUs: median(xs), extraUs: median(xs) - off }));
}

if (import.meta.main) console.table(await redisLatency());
