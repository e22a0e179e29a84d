import { Redis } from "ioredis";
import { createDialog360Client } from "../../src/360dialog/index.ts";
import type { RateLimitStore } from "../../src/index.ts";
import { createRedisRateLimitStore } from "../../src/redis/index.ts";

// One worker process of the multi-process test: its own client sharing budgets through Redis, with
// the spec's windows scaled down 100× (30 s → 300 ms) by a wrapper, and optionally a skewed clock.
const [redisPort, baseUrl, worker, skewMs, apiKeyCalls, balanceCalls] = process.argv.slice(2);
if (Number(skewMs)) {
  const realNow = Date.now;
  Date.now = () => realNow() + Number(skewMs);
}
const redis = new Redis({ port: Number(redisPort), host: "127.0.0.1" });
const warnings: string[] = [];
const shared = createRedisRateLimitStore({
  client: redis,
  prefix: "proof:",
  auditList: "proof:grants",
  onUnavailable: "fail",
  onWarning: (w) => warnings.push(w),
});
const scaled: RateLimitStore = {
  acquire: (request) => shared.acquire({ ...request, windowMs: request.windowMs / 100 }),
  settle: (slot, settlement) => shared.settle(slot, settlement),
  pause: (key, ms) => shared.pause(key, ms / 100),
};
const d360 = createDialog360Client({
  partnerId: "examplePA",
  apiKey: "proof-key-1234",
  baseUrl: baseUrl as string,
  retry: false,
  timeout: 60_000,
  totalTimeout: 120_000,
  rateLimit: { store: scaled, maxWait: 110_000 },
});
// Warm up (an unpaced operation): the first request of a process loads fetch and opens a connection,
// which would delay it after its grant by far more than network jitter.
await d360.channels.listBlockedUsers({ channelId: "warmup" });
const results = await Promise.all([
  ...Array.from({ length: Number(apiKeyCalls) }, (_, i) =>
    d360.channels.createApiKey({ channelId: "exampleCH" }, { headers: { "X-Call": `${worker}-key-${i}` } }),
  ),
  ...Array.from({ length: Number(balanceCalls) }, (_, i) =>
    d360.clients.getBalance({ clientId: `cl${i}` }, undefined, { headers: { "X-Call": `${worker}-balance-${i}` } }),
  ),
]);
const failed = results.filter((r) => r.error).map((r) => r.error?.message);
console.log(JSON.stringify({ worker, ok: results.length - failed.length, failed, warnings }));
redis.disconnect();
