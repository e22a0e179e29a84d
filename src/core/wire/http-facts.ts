// Facts about HTTP and the platform, each named once; every other file imports them from here.

/** Statuses worth another attempt (for a POST or PATCH only 429: it refuses before processing). */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([408, 429, 500, 502, 503, 504]);

/** Statuses that carry a server-given wait (`Retry-After`, `RateLimit-Reset`). */
export const WAIT_STATUSES: ReadonlySet<number> = new Set([429, 503]);

/** The status of a server's rate limit: it pauses the budget it was counted in. */
export const TOO_MANY_REQUESTS = 429;

/** The status a stale bearer token gets: the token is refreshed and the attempt replayed once. */
export const UNAUTHORIZED = 401;

/** Statuses whose response has no body by definition. */
export const NO_BODY_STATUSES: ReadonlySet<number> = new Set([204, 205, 304]);

/** Redirect statuses (followed only within the API's origin, for GET and HEAD). */
export const REDIRECT_STATUSES: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);

/** Redirect hops followed within one attempt before it counts as a loop. */
export const MAX_REDIRECTS = 5;

/** Methods retried on any retryable outcome; the rest only when the request provably was not processed. */
export const IDEMPOTENT_METHODS: ReadonlySet<string> = new Set(["GET", "HEAD", "PUT", "DELETE", "OPTIONS"]);

/** Every HTTP method a retry may be scheduled for (the retry policy decides which outcome is retried). */
export const HTTP_METHODS = ["get", "head", "put", "delete", "options", "post", "patch"] as const;

/**
 * The longest delay a platform timer takes (2^31 − 1 ms, about 24.8 days): a longer one fires at once
 * in Node and browsers, so every timeout and wait option is checked against it.
 */
export const MAX_TIMER_MS = 2_147_483_647;

/** The default cap of a response body read, in bytes (10 MiB). */
export const DEFAULT_MAX_BODY_BYTES = 10 * 1024 * 1024;

/**
 * Headers that carry a credential or a session whatever the spec says: redacted and refused like the
 * spec's own credential headers (`securitySchemes`), which are added to these per provider.
 */
export const SENSITIVE_HEADERS: readonly string[] = [
  "authorization",
  "proxy-authorization",
  "cookie",
  "set-cookie",
  "x-api-key",
  // 360dialog's messaging API header: the channel keys `createApiKey` returns travel in it.
  "d360-api-key",
];

/** Headers a client alone sets: a call or a hook may not set them. */
export const CLIENT_OWNED_HEADERS: readonly string[] = ["host"];
