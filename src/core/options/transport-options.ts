import type { ResolvedTransportOptions, TransportOptions } from "../contract/client-options.ts";
import { DEFAULT_MAX_BODY_BYTES, MAX_TIMER_MS } from "../wire/http-facts.ts";
import { systemClock } from "../wire/system-clock.ts";
import { resolveRetry } from "./call-defaults.ts";
import { assertRateLimitStore } from "./check-rate-limit-store.ts";
import { consoleLogLevel } from "./console-log-level.ts";

/** Defaults of every transport option but `baseUrl`, which each provider sets. */
export const defaultTransportOptions = {
  timeout: 30_000,
  totalTimeout: 120_000,
  retry: { limit: 2, backoffLimit: 10_000, maxRetryAfter: 60_000 },
  maxResponseBytes: DEFAULT_MAX_BODY_BYTES,
} as const;

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

/** Validates options and fills in defaults; throws a clear error for misuse before any request. */
export function resolveTransportOptions(options: TransportOptions, defaultBaseUrl: string): ResolvedTransportOptions {
  if (isBrowser() && options.dangerouslyAllowBrowser !== true) {
    throw new Error(
      "bsp-sdk refuses to run in a browser: its key is an account-wide secret any visitor could read. Call the API from a server, or pass dangerouslyAllowBrowser: true for a page only you load.",
    );
  }
  checkCallbacks(options);
  const consoleLog = options.logger === undefined ? consoleLogLevel() : "off";
  const maxResponseBytes = options.maxResponseBytes ?? defaultTransportOptions.maxResponseBytes;
  if (!Number.isSafeInteger(maxResponseBytes) || maxResponseBytes < 1) {
    throw new RangeError(`maxResponseBytes must be a positive integer, got ${maxResponseBytes}`);
  }
  return {
    baseUrl: resolveBaseUrl(options, defaultBaseUrl),
    ...resolveTimeouts(options),
    retry: resolveRetry(options.retry, defaultTransportOptions.retry),
    ...resolveFetch(options),
    rateLimit: resolveRateLimit(options.rateLimit),
    logger: options.logger,
    consoleLog,
    logAttempts: options.logger !== undefined || consoleLog === "info" || consoleLog === "debug",
    maxResponseBytes,
    clock: options.clock ?? systemClock,
    onRequest: options.onRequest,
    onResponse: options.onResponse,
    validateResponses: options.validateResponses ?? "off",
    onDrift: options.onDrift,
  };
}

/** The base URL, without trailing slashes: absolute, https (or http on loopback), no credentials, query or fragment. */
function resolveBaseUrl(options: TransportOptions, defaultBaseUrl: string): string {
  const baseUrl = options.baseUrl ?? defaultBaseUrl;
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new TypeError("baseUrl is not an absolute URL");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new TypeError(`baseUrl must use https: (got ${url.protocol})`);
  }
  if (url.protocol === "http:" && !LOOPBACK.test(url.hostname) && !options.allowInsecureHttp) {
    throw new TypeError(
      `baseUrl ${url.origin} uses http:, which would send credentials in clear text. Use https:, a loopback host, or set allowInsecureHttp: true.`,
    );
  }
  // The URL is not echoed: it may carry a password.
  if (url.username || url.password) throw new TypeError("baseUrl must not contain credentials (user or password)");
  if (url.search || url.hash) throw new TypeError("baseUrl must not have a query or a fragment");
  return baseUrl.replace(/\/+$/, "");
}

/** The per-attempt timeout and the call's total deadline, each within what a platform timer can wait. */
function resolveTimeouts(options: TransportOptions): { timeout: number; totalTimeout: number } {
  const timeout = options.timeout ?? defaultTransportOptions.timeout;
  if (!Number.isFinite(timeout) || timeout <= 0 || timeout > MAX_TIMER_MS) {
    throw new RangeError(`timeout must be a positive number of milliseconds, got ${timeout}`);
  }
  const totalTimeout = options.totalTimeout ?? Math.max(defaultTransportOptions.totalTimeout, timeout);
  if (!Number.isFinite(totalTimeout) || totalTimeout < timeout || totalTimeout > MAX_TIMER_MS) {
    throw new RangeError(`totalTimeout must be at least timeout (${timeout} ms), got ${totalTimeout}`);
  }
  return { timeout, totalTimeout };
}

/** The fetch to send with: the caller's, or the platform's (looked up at each call). */
function resolveFetch(options: TransportOptions): { fetch: typeof fetch; platformFetch: boolean } {
  if (options.fetch === undefined && typeof globalThis.fetch !== "function") {
    throw new TypeError("No fetch implementation: pass options.fetch");
  }
  if (options.fetch !== undefined && typeof options.fetch !== "function")
    throw new TypeError("fetch must be a function");
  // The platform's fetch is called on globalThis: browsers refuse a detached `fetch` ("Illegal invocation").
  return {
    fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    platformFetch: options.fetch === undefined,
  };
}

/** The logger, hooks and `validateResponses` mode are what they say they are. */
function checkCallbacks(options: TransportOptions): void {
  for (const name of ["logger", "onRequest", "onResponse", "onDrift"] as const) {
    if (options[name] !== undefined && typeof options[name] !== "function") {
      throw new TypeError(`${name} must be a function`);
    }
  }
  const mode = options.validateResponses ?? "off";
  if (mode !== "off" && mode !== "warn" && mode !== "error") {
    throw new TypeError(`validateResponses must be "off", "warn" or "error", got ${JSON.stringify(mode)}`);
  }
}

/** Pacing: off, or with its store (checked: acquire, settle, pause), maxWait and callback. */
function resolveRateLimit(rate: TransportOptions["rateLimit"]): ResolvedTransportOptions["rateLimit"] {
  if (rate !== undefined && rate !== false && (typeof rate !== "object" || rate === null)) {
    throw new TypeError("rateLimit must be false or an object");
  }
  if (rate === false) return false;
  const maxWait = rate?.maxWait ?? Number.POSITIVE_INFINITY;
  if (typeof maxWait !== "number" || Number.isNaN(maxWait) || maxWait < 0) {
    throw new RangeError(`rateLimit.maxWait must be a non-negative number of milliseconds, got ${maxWait}`);
  }
  if (rate?.store !== undefined) assertRateLimitStore(rate.store);
  return { store: rate?.store, maxWait, onRateLimit: rate?.onRateLimit };
}

/** A page (a window with a document): where a credential in the client is readable by the visitor. */
function isBrowser(): boolean {
  const g = globalThis as { window?: { document?: unknown } };
  return typeof g.window === "object" && g.window !== null && typeof g.window.document !== "undefined";
}
