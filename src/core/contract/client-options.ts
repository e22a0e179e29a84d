import type { Clock } from "./clock.ts";
import type { RateLimitStore } from "./rate-limit-store.ts";
import type { RetryOptions } from "./retry-options.ts";
/** What `rateLimit.onRateLimit` is told when a call is about to wait for client-side pacing. */
export interface RateLimitWait {
  /** `METHOD /path/template` of the waiting call. */
  operation: string;
  /** The expected wait in milliseconds. */
  waitMs: number;
  /** The budget: the spec's bucket plus the values it is counted per (partner, channel, workspace). */
  key: string;
}

/** Client-side pacing of the documented rate limits (`x-bsp-rate-limit` in the bundled spec). */
export interface RateLimitOptions {
  /**
   * Where budgets are kept; a shared store lets several processes share one budget.
   * @default new MemoryRateLimitStore()
   */
  store?: RateLimitStore;
  /**
   * Longest a call waits for a slot, in milliseconds; beyond it the call fails at once with
   * `kind: "rate_limited"` and `retryAfterMs`, and nothing is sent. The call's remaining total
   * deadline always bounds the wait too.
   * @default the call's remaining total deadline
   */
  maxWait?: number;
  /** Called before a call waits for a slot. */
  onRateLimit?: (wait: RateLimitWait) => void;
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
   * id, pacing wait), one with `event: "rate_limit_wait"` before a call waits for client-side pacing,
   * one with `event: "retry_wait"` before a retry waits, and one with `event: "rate_limit_pause"` when a
   * server's 429 pauses a budget, with credentials redacted. A logger that throws or rejects never
   * fails the call.
   *
   * Without one, the default logger writes to the console: it warns (`console.warn`) before a wait
   * longer than 2 s (client-side pacing, or a retry the server's Retry-After holds back) and on each
   * drift; the `BSP_SDK_LOG` environment variable (`off`, `warn`, `info`, `debug`; read where
   * `process.env` exists) turns it off or up. Passing `logger` silences it, or redirects everything.
   * @default the console, at the level BSP_SDK_LOG sets ("warn" when unset)
   */
  logger?: (line: RequestLogLine) => unknown;
  /**
   * Largest response body read, in bytes. A longer body is not read past the cap: the call fails with
   * `kind: "unexpected"` (the status kept) and the connection is released.
   * @default 10485760 (10 MiB)
   */
  maxResponseBytes?: number;
  /**
   * The clock token expiry and back-off read (tests pass a fake one).
   * @default the system clock
   */
  clock?: Clock;
  /**
   * Allow an `http://` base URL on a non-loopback host. Credentials would travel in clear text.
   * @default false
   */
  allowInsecureHttp?: boolean;
  /**
   * Let the client start in a browser. Its credentials (a partner API key, a Bird access key) are
   * account-wide secrets that any visitor of the page could read; call the API from a server instead.
   * Set this only for pages nobody else loads (an internal tool, a test run).
   * @default false
   */
  dangerouslyAllowBrowser?: boolean;
  /**
   * Called right before each attempt is sent (after authentication and pacing): for tracing, metrics,
   * or a header such as `traceparent`. A hook that throws never fails the call.
   */
  onRequest?: (event: RequestEvent) => void;
  /** Called when each attempt ends, with its status or failure and its timing. A hook that throws never fails the call. */
  onResponse?: (event: ResponseEvent) => void;
  /**
   * Check each response body against the whole schema its operation declares for its status, to
   * catch an API that has drifted from its spec. `"warn"` reports each drift once per operation and
   * JSON pointer through `onDrift` and the logger; `"error"` also turns a success body that departs
   * from the spec into `kind: "unexpected"` with the drifts attached. Additive fields are not drift;
   * a missing required field, a changed type and a value outside an enum are. The validator and the
   * schemas load with the first checked body (a lazy chunk), so with `"off"` neither is loaded.
   * @default "off"
   */
  validateResponses?: "off" | "warn" | "error";
  /** Told once per operation and pointer when `validateResponses` finds a drift. A callback that throws never fails the call. */
  onDrift?: (event: DriftEvent) => void;
}

/** One way a response departed from the spec, as `onDrift` and the logger receive it. */
export interface DriftEvent {
  /** `METHOD /path/template`. */
  operation: string;
  status: number;
  /** JSON pointer into the body, array indices as `*` (`/partner_channels/*` + `/status`). */
  pointer: string;
  /** `required`: a required field is missing; `type`: a value of another type; `enum`: a value outside the enum. */
  rule: "required" | "type" | "enum";
  /** What the spec says and what came, credentials redacted, cut short. */
  message: string;
  /** The value that came, briefly (redacted, cut short); absent for a missing field. */
  sample?: string;
}

/** One attempt about to be sent, as `onRequest` sees it. */
export interface RequestEvent {
  /** Unique per attempt of this client; the attempt's `onResponse` event carries the same. */
  requestId: number;
  /** `METHOD /path/template`: the same for every call of an operation (a span name, a metric label). */
  operation: string;
  method: string;
  /** The path as sent, IDs filled in, no query (filters can hold personal data). */
  path: string;
  /** 1 for the first attempt; retries and a replay after a token refresh count on. */
  attempt: number;
  /** Sets a request header on this attempt; credential headers and `Host` are refused (TypeError). */
  setHeader(name: string, value: string): void;
}

/** One attempt that ended, as `onResponse` sees it. */
export interface ResponseEvent {
  /** The `requestId` of the attempt's `onRequest` event. */
  requestId: number;
  operation: string;
  method: string;
  /** The path as sent, IDs filled in, no query. */
  path: string;
  attempt: number;
  /** The HTTP status; absent when no response arrived. */
  status?: number;
  /** From sending the request to the end of its body, in milliseconds. */
  durationMs: number;
  /** How long the attempt waited for client-side pacing before it was sent, when it waited. */
  waitMs?: number;
  /** Why no response arrived (timed out, connection refused...), redacted; absent when one did. */
  error?: string;
}

/**
 * One line per attempt, as `logger` receives it; a line with `event: "rate_limit_wait"` comes before a
 * pacing wait, and one with `event: "drift"` reports a drift (`validateResponses`).
 */
export type RequestLogLine =
  | AttemptLogLine
  | RateLimitWaitLogLine
  | RetryWaitLogLine
  | RateLimitPauseLogLine
  | DriftLogLine;

/**
 * Logged before a retry waits: `reason` is `"retry-after"` when the server asked for the wait
 * (`Retry-After`, `RateLimit-Reset`...), `"backoff"` for the client's own back-off.
 */
export interface RetryWaitLogLine {
  event: "retry_wait";
  method: string;
  /** The path template. */
  path: string;
  /** The attempt about to be sent after the wait (2 for the first retry). */
  attempt: number;
  /** The wait in milliseconds. */
  waitMs: number;
  /** `"retry-after"`: the server asked for the wait; `"backoff"`: the client's own back-off. */
  reason: "retry-after" | "backoff";
  /** The status that is retried; absent when no response arrived. */
  status?: number;
  /** The rate-limit budget of the operation, when it has a documented one. */
  key?: string;
}

/** The levels of the default console logger (`BSP_SDK_LOG`). */
export type ConsoleLogLevel = "off" | "warn" | "info" | "debug";

/**
 * Logged when a server's 429 pauses a budget for its Retry-After: every call of that budget waits. A
 * budget shared with another system (the same partner's key used elsewhere) shows up here.
 */
export interface RateLimitPauseLogLine {
  event: "rate_limit_pause";
  method: string;
  /** The path template of the call that got the 429. */
  path: string;
  /** How long the budget hands out no slot, in milliseconds. */
  pauseMs: number;
  /** The budget: the spec's bucket plus the values it is counted per. */
  key: string;
}

/** A drift found by `validateResponses`, logged once per operation and pointer. */
export interface DriftLogLine extends DriftEvent {
  event: "drift";
}

/** Logged before a call waits for client-side pacing: the wait is never silent. */
export interface RateLimitWaitLogLine {
  event: "rate_limit_wait";
  method: string;
  /** The path template. */
  path: string;
  /** The expected wait in milliseconds. */
  waitMs: number;
  /** The budget: the spec's bucket plus the values it is counted per. */
  key: string;
}

/** One attempt, logged when it ends. */
export interface AttemptLogLine {
  event?: undefined;
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
  /** How long the attempt waited for client-side pacing before it was sent, when it waited. */
  waitMs?: number;
}

export interface ResolvedTransportOptions {
  baseUrl: string;
  timeout: number;
  totalTimeout: number;
  rateLimit:
    | false
    | {
        /** undefined: the client's own in-memory store, made with its pacer on the first paced call. */
        store: RateLimitStore | undefined;
        maxWait: number;
        onRateLimit: RateLimitOptions["onRateLimit"];
      };
  /** The caller's logger; undefined when the default console logger is used (see `consoleLog`). */
  logger: TransportOptions["logger"];
  /** The default console logger's level (`BSP_SDK_LOG`): "off" when the caller gave a logger. */
  consoleLog: ConsoleLogLevel;
  /** Attempt lines are made at all: a logger was given, or the console logs at "info" or "debug". */
  logAttempts: boolean;
  retry: Required<RetryOptions>;
  fetch: typeof globalThis.fetch;
  /** `fetch` is the platform's (not injected). */
  platformFetch: boolean;
  maxResponseBytes: number;
  clock: Clock;
  onRequest: TransportOptions["onRequest"];
  onResponse: TransportOptions["onResponse"];
  validateResponses: "off" | "warn" | "error";
  onDrift: TransportOptions["onDrift"];
}
