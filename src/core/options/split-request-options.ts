import type { RequestOptions } from "../contract/request-options.ts";

/** The per-call options a list takes among its params: every `RequestOptions` key but `extraBody` (a list sends no body). */
export type ListRequestOptions = Omit<RequestOptions, "extraBody">;

const LIST_REQUEST_KEYS = [
  "signal",
  "timeout",
  "retry",
  "headers",
  "extraQuery",
] as const satisfies readonly (keyof ListRequestOptions)[];

// A key added to RequestOptions must be listed above, or this stops compiling: a new option must never
// be sent by a list as a query parameter.
type Unlisted = Exclude<keyof ListRequestOptions, (typeof LIST_REQUEST_KEYS)[number]>;
const everyKeyListed: [Unlisted] extends [never] ? true : Unlisted = true;
void everyKeyListed;

/** A list's params split into its per-call options and everything else (filters, sort, paging, declared query parameters). */
export function splitRequestOptions<P extends object>(
  params: P,
): { request: ListRequestOptions; rest: Omit<P, keyof ListRequestOptions> } {
  const rest: Record<string, unknown> = { ...(params as Record<string, unknown>) };
  const request: Record<string, unknown> = {};
  for (const key of LIST_REQUEST_KEYS) {
    if (key in rest) {
      if (rest[key] !== undefined) request[key] = rest[key];
      delete rest[key];
    }
  }
  return { request: request as ListRequestOptions, rest: rest as Omit<P, keyof ListRequestOptions> };
}
