import type { ResolvedTransportOptions } from "../contract/client-options.ts";
import type { ResolvedRequestOptions } from "../contract/request-options.ts";
import type { RetryOptions } from "../contract/retry-options.ts";

// A call's defaults, shared by the client's options (checked at construction), a call's own (checked
// when it passes any) and the requests the features send themselves (the token request, `client.api`).

/** Fills in a retry policy (`false`: no retries) and checks it is bounded. */
export function resolveRetry(
  retry: RetryOptions | false | undefined,
  defaults: Required<RetryOptions>,
): Required<RetryOptions> {
  if (retry !== undefined && retry !== false && (typeof retry !== "object" || retry === null)) {
    throw new TypeError("retry must be false or an object such as { limit: 2 }");
  }
  const resolved = retry === false ? { ...defaults, limit: 0 } : { ...defaults, ...retry };
  if (!Number.isInteger(resolved.limit) || resolved.limit < 0 || resolved.limit > 10) {
    throw new RangeError(`retry.limit must be an integer from 0 to 10, got ${resolved.limit}`);
  }
  for (const key of ["backoffLimit", "maxRetryAfter"] as const) {
    if (typeof resolved[key] !== "number" || Number.isNaN(resolved[key]) || resolved[key] < 0) {
      throw new RangeError(`retry.${key} must be a non-negative number of milliseconds, got ${resolved[key]}`);
    }
  }
  return resolved;
}

/** A call's options when it passes none: the client's timeout and retry policy, no signal, no headers. */
export function defaultRequestOptions(
  client: Pick<ResolvedTransportOptions, "timeout" | "retry">,
): ResolvedRequestOptions {
  return { signal: undefined, timeout: client.timeout, retry: client.retry, headers: undefined };
}
