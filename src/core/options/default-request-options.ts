import type { ResolvedTransportOptions } from "../contract/client-options.ts";
import type { ResolvedRequestOptions } from "../contract/request-options.ts";

/** A call's options when it passes none: the client's timeout and retry policy, no signal, no headers. */
export function defaultRequestOptions(
  client: Pick<ResolvedTransportOptions, "timeout" | "retry">,
): ResolvedRequestOptions {
  return { signal: undefined, timeout: client.timeout, retry: client.retry, headers: undefined };
}
