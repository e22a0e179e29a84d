import type { Clock } from "../core/contract/clock.ts";
import type {
  RateLimitGrant,
  RateLimitRequest,
  RateLimitSettlement,
  RateLimitSlot,
  RateLimitStore,
} from "../core/contract/rate-limit-store.ts";
import { MemoryRateLimitStore } from "../core/features/memory-rate-limit-store.ts";
import { callSafely } from "../core/wire/call-safely.ts";
import { systemClock } from "../core/wire/system-clock.ts";

/**
 * The part of a Redis client the store uses: `eval` as ioredis has it
 * (`eval(script, numKeys, ...keysAndArgs)`). An ioredis `Redis` or `Cluster` instance fits as is.
 */
export interface RedisEvalClient {
  /** Runs a Lua script with its keys and arguments (ioredis: `redis.eval(script, numKeys, ...)`). */
  eval(script: string, numKeys: number, ...keysAndArgs: (string | number)[]): Promise<unknown>;
}

/** What `onUnavailable` chooses when Redis fails or does not answer within `commandTimeout`. */
export type RedisUnavailablePolicy = "memory" | "fail";

/** Options of `createRedisRateLimitStore`. */
export interface RedisRateLimitStoreOptions {
  /** Your Redis client (ioredis). The store never closes it. */
  client: RedisEvalClient;
  /**
   * Prefix of every key the store writes. Keys also carry the bucket and the partner or workspace,
   * so two accounts never share a budget.
   * @default "bsp-sdk:rate-limit:"
   */
  prefix?: string;
  /**
   * When Redis fails or is slow: `"memory"` paces this process with an in-memory store (and logs a
   * warning once per outage), `"fail"` fails the call with a `network` error (nothing is sent).
   * @default "memory": a Redis outage must not become an API outage; the API's own 429s are still
   * honoured, and each process still keeps its own pace.
   */
  onUnavailable?: RedisUnavailablePolicy;
  /**
   * Longest wait for one Redis command, in milliseconds; past it Redis counts as unavailable.
   * @default 1000
   */
  commandTimeout?: number;
  /** Receives the warning when the store falls back to memory (never the Redis URL or its password). */
  onWarning?: (message: string) => void;
  /** The clock the store sleeps on; budgets are counted on the Redis server's time. */
  clock?: Clock;
  /**
   * A Redis list that receives the server time (ms) of every grant, `<key> <time>`: an audit trail of
   * what was sent on the shared budgets. Off by default; the list is the caller's to trim.
   */
  auditList?: string;
}

// Two sorted sets per budget, counted on the Redis server's clock (TIME), so processes with skewed
// clocks share one budget exactly: `<key>:held` has the slots whose attempt has not ended yet, scored
// by the end of their lease (the attempt's deadline); `<key>` has the ended ones, scored by their end.
// A slot counts while held and for one window after its end; a lease that ran out counts as ended when
// it ran out. Keys expire by themselves once nothing in them can count. Atomic: one script per call.

// KEYS: ended, paused, held. ARGV: limit, window, member, audit list ('' for none), lease.
// Returns {1, 0} when a slot was taken, {0, waitMs} otherwise (a held slot frees no sooner than one
// window from now, so the wait it gives is a lower bound and the caller asks again).
const ACQUIRE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local limit = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local lease = tonumber(ARGV[5])
local paused = redis.call('PTTL', KEYS[2])
if paused > 0 then return {0, paused} end
local lapsed = redis.call('ZRANGEBYSCORE', KEYS[3], '-inf', now, 'WITHSCORES')
for i = 1, #lapsed, 2 do redis.call('ZADD', KEYS[1], lapsed[i + 1], lapsed[i]) end
if #lapsed > 0 and redis.call('PTTL', KEYS[1]) < window then redis.call('PEXPIRE', KEYS[1], window) end
redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', now)
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
local ended = redis.call('ZCARD', KEYS[1])
local held = redis.call('ZCARD', KEYS[3])
if ended + held < limit then
  redis.call('ZADD', KEYS[3], now + lease, ARGV[3])
  if redis.call('PTTL', KEYS[3]) < lease + window then redis.call('PEXPIRE', KEYS[3], lease + window) end
  if ARGV[4] ~= '' then redis.call('RPUSH', ARGV[4], KEYS[1] .. ' ' .. now) end
  return {1, 0}
end
local need = ended + held - limit + 1
if need > ended then return {0, window} end
local oldest = redis.call('ZRANGE', KEYS[1], need - 1, need - 1, 'WITHSCORES')
return {0, math.max(1, tonumber(oldest[2]) + window - now)}
`;
// KEYS: ended, held. ARGV: member, sent (1 or 0), window. The end is Redis's time rounded up to the
// millisecond, so it is never earlier than the moment the attempt ended; a later settle only moves it later.
const SETTLE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.ceil(tonumber(t[2]) / 1000)
local window = tonumber(ARGV[3])
local wasHeld = redis.call('ZREM', KEYS[2], ARGV[1])
if ARGV[2] ~= '1' then
  redis.call('ZREM', KEYS[1], ARGV[1])
  return 1
end
local before = redis.call('ZSCORE', KEYS[1], ARGV[1])
if wasHeld == 1 or (before and tonumber(before) < now) then redis.call('ZADD', KEYS[1], now, ARGV[1]) end
if redis.call('PTTL', KEYS[1]) < window + 1 then redis.call('PEXPIRE', KEYS[1], window + 1) end
return 1
`;
const PAUSE = `
local ms = tonumber(ARGV[1])
if redis.call('PTTL', KEYS[1]) < ms then redis.call('SET', KEYS[1], '1', 'PX', ms) end
return 1
`;

/** A slot handed out by the Redis store: its member in the budget's sets, or a slot of the memory fallback. */
interface RedisSlot extends RateLimitSlot {
  readonly redisKey?: string;
  readonly member?: string;
  readonly windowMs?: number;
  readonly fallback?: RateLimitSlot;
}

class RedisUnavailable extends Error {}

/** A call with almost no time left still gives Redis this long to answer (loopback answers in < 1 ms). */
const MIN_COMMAND_TIMEOUT_MS = 25;

/**
 * A `RateLimitStore` on Redis, for budgets shared by several processes (web workers, job queues,
 * serverless functions): a call waits for its slot up to `maxWait`, a slot is held until its attempt
 * ends and counts from that end (on Redis's clock), a slot whose request was never sent is given back, a
 * server's 429 pauses the budget for every process, keys expire by themselves.
 *
 * @example
 * import { Redis } from "ioredis";
 * import { createRedisRateLimitStore } from "bsp-sdk/redis";
 * const store = createRedisRateLimitStore({ client: new Redis(process.env.REDIS_URL) });
 * const d360 = createDialog360Client({ partnerId, apiKey, rateLimit: { store } });
 */
export function createRedisRateLimitStore(options: RedisRateLimitStoreOptions): RateLimitStore {
  const client = options?.client;
  if (typeof client?.eval !== "function") {
    throw new TypeError("createRedisRateLimitStore: client must be a Redis client with eval (ioredis)");
  }
  const policy = options.onUnavailable ?? "memory";
  if (policy !== "memory" && policy !== "fail") {
    throw new TypeError('createRedisRateLimitStore: onUnavailable must be "memory" or "fail"');
  }
  const commandTimeout = options.commandTimeout ?? 1000;
  if (!Number.isFinite(commandTimeout) || commandTimeout <= 0) {
    throw new RangeError("createRedisRateLimitStore: commandTimeout must be a positive number of milliseconds");
  }
  return new RedisRateLimitStore({ ...options, client, onUnavailable: policy, commandTimeout });
}

/** The store `createRedisRateLimitStore` returns, its options checked. */
class RedisRateLimitStore implements RateLimitStore {
  readonly #options: RedisRateLimitStoreOptions &
    Required<Pick<RedisRateLimitStoreOptions, "onUnavailable" | "commandTimeout">>;
  readonly #prefix: string;
  readonly #clock: Clock;
  readonly #fallback: MemoryRateLimitStore;
  #warned = false;

  constructor(
    options: RedisRateLimitStoreOptions &
      Required<Pick<RedisRateLimitStoreOptions, "onUnavailable" | "commandTimeout">>,
  ) {
    this.#options = options;
    this.#prefix = options.prefix ?? "bsp-sdk:rate-limit:";
    this.#clock = options.clock ?? systemClock;
    this.#fallback = new MemoryRateLimitStore({ clock: this.#clock });
  }

  async acquire(request: RateLimitRequest): Promise<RateLimitGrant> {
    const key = `${this.#prefix}${request.key}`;
    const started = this.#clock.now();
    const leaseMs = Math.max(1, Math.ceil(Number.isFinite(request.leaseMs) ? request.leaseMs : request.windowMs));
    let announced = false;
    for (;;) {
      request.signal?.throwIfAborted();
      const member = `${started}-${Math.random().toString(36).slice(2)}`;
      let answer: unknown;
      try {
        // Never longer than the call may still wait (its maxWait, bounded by its deadline) either.
        const remaining = request.maxWaitMs - (this.#clock.now() - started);
        answer = await this.#command(
          ACQUIRE,
          [key, `${key}:paused`, `${key}:held`],
          [request.limit, request.windowMs, member, this.#options.auditList ?? "", leaseMs],
          request.signal,
          Math.min(this.#options.commandTimeout, Math.max(MIN_COMMAND_TIMEOUT_MS, remaining)),
        );
      } catch (error) {
        if (!(error instanceof RedisUnavailable)) throw error;
        this.#unavailable(error);
        const remaining = Math.max(0, request.maxWaitMs - (this.#clock.now() - started));
        const local = await this.#fallback.acquire({ ...request, maxWaitMs: remaining });
        if (!local.granted) return local;
        const slot: RedisSlot = { key: request.key, fallback: local.slot };
        return { granted: true, slot };
      }
      this.#warned = false;
      const [granted, waitMs] = Array.isArray(answer) ? answer.map(Number) : [0, Number.NaN];
      if (granted === 1) {
        const slot: RedisSlot = { key: request.key, redisKey: key, member, windowMs: request.windowMs };
        return { granted: true, slot };
      }
      const wait = Number.isFinite(waitMs) ? Math.max(1, waitMs as number) : 1;
      const remaining = request.maxWaitMs - (this.#clock.now() - started);
      if (wait > remaining) return { granted: false, retryAfterMs: wait };
      if (!announced) {
        announced = true;
        request.onWait?.(wait);
      }
      // Sleep on the local clock for a duration measured on Redis's: skew between clocks cancels out.
      await this.#clock.sleep(wait, request.signal);
    }
  }

  async settle(slot: RateLimitSlot, settlement: RateLimitSettlement): Promise<void> {
    const own = slot as RedisSlot;
    if (own.fallback) return this.#fallback.settle(own.fallback, settlement);
    if (!own.redisKey || !own.member) return;
    try {
      await this.#command(
        SETTLE,
        [own.redisKey, `${own.redisKey}:held`],
        [own.member, settlement.sent ? 1 : 0, own.windowMs ?? 0],
      );
    } catch (error) {
      // Redis down: the slot's lease runs out by itself, and then counts as ended when it ran out.
      if (!(error instanceof RedisUnavailable)) throw error;
    }
  }

  async pause(key: string, ms: number): Promise<void> {
    try {
      await this.#command(PAUSE, [`${this.#prefix}${key}:paused`], [Math.ceil(ms)]);
    } catch (error) {
      if (!(error instanceof RedisUnavailable)) throw error;
      if (this.#unavailable(error) === "memory") this.#fallback.pause(key, ms);
    }
  }

  /** One command, bounded by `commandTimeout` (or less) and the caller's signal. */
  #command(
    script: string,
    keys: string[],
    args: (string | number)[],
    signal?: AbortSignal,
    timeoutMs = this.#options.commandTimeout,
  ): Promise<unknown> {
    return new Promise<unknown>((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const onAbort = () => finish(() => reject(signal?.reason));
      const cancelTimer = this.#clock.setTimer(timeoutMs, () =>
        finish(() => reject(new RedisUnavailable(`Redis did not answer within ${timeoutMs} ms`))),
      );
      let done = false;
      const finish = (settle: () => void) => {
        if (done) return;
        done = true;
        cancelTimer();
        signal?.removeEventListener("abort", onAbort);
        settle();
      };
      signal?.addEventListener("abort", onAbort, { once: true });
      this.#options.client.eval(script, keys.length, ...keys, ...args).then(
        (value) => finish(() => resolve(value)),
        (error: unknown) => finish(() => reject(new RedisUnavailable(safeMessage(error)))),
      );
    });
  }

  /** Redis failed: with "fail" the call fails; with "memory" this process paces itself, warned once per outage. */
  #unavailable(error: RedisUnavailable): "memory" {
    if (this.#options.onUnavailable === "fail") {
      throw new Error(`the shared rate-limit store (Redis) is unavailable: ${error.message}`);
    }
    if (!this.#warned) {
      this.#warned = true;
      callSafely(
        this.#options.onWarning,
        `bsp-sdk: the shared rate-limit store (Redis) is unavailable (${error.message}); pacing this process in memory until it answers again`,
      );
    }
    return "memory";
  }
}

/** An error's message without credentials a Redis URL may carry (`redis://user:password@host`). */
function safeMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/(rediss?:\/\/)[^@\s/]*@/gi, "$1[REDACTED]@").slice(0, 300);
}
