import { MemoryRateLimitStore, type RateLimitOptions } from "./rate-limiter.ts";

/** Retry behaviour. Retries are always bounded by `limit`. */
export interface RetryOptions {
  /**
   * Retries after the first attempt.
   * @default 2
   */
  limit?: number;
  /**
   * Upper bound of one backoff delay, in milliseconds (exponential backoff with full jitter below it).
   * @default 10000
   */
  backoffLimit?: number;
  /**
   * Longest `Retry-After` / `RateLimit-Reset` we wait for, in milliseconds. When the server asks for
   * longer, the call gives up at once with the 429 error and its `retryAfterMs`.
   * @default 60000
   */
  maxRetryAfter?: number;
}

/** Options of the transport both clients share: base URL, timeouts, retries, pacing, logging. */
export interface TransportOptions {
  /** Base URL of the API; each provider documents its default. */
  baseUrl?: string;
  /**
   * Per-attempt timeout in milliseconds.
   * @default 30000
   */
  timeout?: number;
  /**
   * Deadline for the whole call in milliseconds: every attempt and every wait between them.
   * @default 120000
   */
  totalTimeout?: number;
  /**
   * Retry policy, or `false` for a single attempt.
   * @default { limit: 2 }
   */
  retry?: RetryOptions | false;
  /**
   * The fetch implementation (for tests, proxies, or runtimes without a global fetch).
   * @default globalThis.fetch
   */
  fetch?: typeof globalThis.fetch;
  /**
   * Client-side pacing from the documented rate limits (`x-bsp-rate-limit` in the bundled spec): calls
   * wait so this process never exceeds them. `false` turns it off; `{ store }` shares budgets.
   * @default { store: new MemoryRateLimitStore() }
   */
  rateLimit?: RateLimitOptions | false;
  /**
   * Receives one structured line per attempt (method, path template, status, attempt, duration, trace
   * id), with credentials redacted.
   */
  logger?: (line: RequestLogLine) => void;
  /**
   * Allow an `http://` base URL on a non-loopback host. Credentials would travel in clear text.
   * @default false
   */
  allowInsecureHttp?: boolean;
}

/** One line per attempt, as `logger` receives it. */
export interface RequestLogLine {
  method: string;
  /** The path template (`/api/v2/partners/{partner_id}/channels`): IDs stay out of logs. */
  path: string;
  /** 1 for the first attempt. */
  attempt: number;
  /** The response status; absent when no response arrived. */
  status?: number;
  durationMs: number;
  traceId?: string;
  /** Why no response arrived (timeout, connection refused...), redacted. */
  error?: string;
}

export interface ResolvedTransportOptions {
  baseUrl: string;
  timeout: number;
  totalTimeout: number;
  rateLimit: RateLimitOptions | false;
  logger: ((line: RequestLogLine) => void) | undefined;
  retry: Required<RetryOptions>;
  fetch: typeof globalThis.fetch;
}

/** Defaults of every transport option but `baseUrl`, which each provider sets. */
export const defaultTransportOptions = {
  timeout: 30_000,
  totalTimeout: 120_000,
  retry: { limit: 2, backoffLimit: 10_000, maxRetryAfter: 60_000 },
} as const;

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

/** Validates options and fills in defaults; throws a clear error for misuse before any request. */
export function resolveTransportOptions(options: TransportOptions, defaultBaseUrl: string): ResolvedTransportOptions {
  const baseUrl = options.baseUrl ?? defaultBaseUrl;
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new TypeError(`baseUrl ${JSON.stringify(baseUrl)} is not an absolute URL`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new TypeError(`baseUrl must use https: (got ${url.protocol})`);
  }
  if (url.protocol === "http:" && !LOOPBACK.test(url.hostname) && !options.allowInsecureHttp) {
    throw new TypeError(
      `baseUrl ${url.origin} uses http:, which would send credentials in clear text. Use https:, a loopback host, or set allowInsecureHttp: true.`,
    );
  }
  if (url.username || url.password) throw new TypeError("baseUrl must not contain credentials");
  const timeout = options.timeout ?? defaultTransportOptions.timeout;
  if (!Number.isFinite(timeout) || timeout <= 0 || timeout > 2_147_483_647) {
    throw new RangeError(`timeout must be a positive number of milliseconds, got ${timeout}`);
  }
  const totalTimeout = options.totalTimeout ?? Math.max(defaultTransportOptions.totalTimeout, timeout);
  if (!Number.isFinite(totalTimeout) || totalTimeout < timeout || totalTimeout > 2_147_483_647) {
    throw new RangeError(`totalTimeout must be at least timeout (${timeout} ms), got ${totalTimeout}`);
  }
  const retry =
    options.retry === false
      ? { ...defaultTransportOptions.retry, limit: 0 }
      : { ...defaultTransportOptions.retry, ...options.retry };
  if (!Number.isInteger(retry.limit) || retry.limit < 0 || retry.limit > 10) {
    throw new RangeError(`retry.limit must be an integer from 0 to 10, got ${retry.limit}`);
  }
  const fetchImpl = options.fetch ?? globalThis.fetch;
  if (typeof fetchImpl !== "function") throw new TypeError("No fetch implementation: pass options.fetch");
  if (options.logger !== undefined && typeof options.logger !== "function")
    throw new TypeError("logger must be a function");
  return {
    baseUrl: baseUrl.replace(/\/+$/, ""),
    timeout,
    totalTimeout,
    retry,
    fetch: fetchImpl,
    rateLimit: options.rateLimit === false ? false : { store: options.rateLimit?.store ?? new MemoryRateLimitStore() },
    logger: options.logger,
  };
}
