export {
  createRedisRateLimitStore,
  type RedisEvalClient,
  type RedisRateLimitStoreOptions,
  type RedisUnavailablePolicy,
} from "./create-redis-rate-limit-store.ts";
