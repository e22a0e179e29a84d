import type { RetryOptions } from "./retry-options.ts";
/** Options every method takes last (list methods take the same keys in their params). */
export interface RequestOptions {
  /** Cancels the call (and any wait in it); the call rejects with the signal's reason. */
  signal?: AbortSignal | undefined;
  /** Per-attempt timeout in milliseconds for this call; overrides the client's. */
  timeout?: number | undefined;
  /** Retry policy for this call, or `false`; merged over the client's. */
  retry?: RetryOptions | false | undefined;
  /**
   * Extra request headers. A credential header (the client sets it) or `Host` is a TypeError before
   * anything is sent.
   */
  headers?: Record<string, string> | undefined;
  /** Escape hatch: query parameters the spec does not know yet; merged last (they win), not validated. */
  extraQuery?: Record<string, unknown> | undefined;
  /**
   * Escape hatch: body fields the spec does not know yet; merged last (they win), not validated. A
   * TypeError on an operation without a request body.
   */
  extraBody?: Record<string, unknown> | undefined;
}

export interface ResolvedRequestOptions {
  signal: AbortSignal | undefined;
  timeout: number;
  retry: Required<RetryOptions>;
  headers: Record<string, string> | undefined;
}
