import type { QueryMeta } from "../contract/operation-meta.ts";
import type { RequestOptions } from "../contract/request-options.ts";

/** Paging options every offset-paginated `list()` takes, with the per-call options for each page. */
export interface ListOptions extends Omit<RequestOptions, "extraBody"> {
  /**
   * Items per request (the API's `limit`).
   * @default 100
   */
  pageSize?: number;
  /**
   * Items to skip before the first one.
   * @default 0
   */
  offset?: number;
  /**
   * Stop after this many items.
   * @default Infinity
   */
  maxItems?: number;
  /**
   * Pages requested in parallel once `total` is known; items still arrive in order.
   * @default 1
   */
  concurrency?: number;
}

export const defaultListOptions = {
  pageSize: 100,
  offset: 0,
  maxItems: Number.POSITIVE_INFINITY,
  concurrency: 1,
} as const;

export const MAX_CONCURRENCY = 16;

/** Validates the paging options of a list call against the operation's declared bounds. */
export function resolveListOptions(options: ListOptions, meta: QueryMeta | undefined, limitName = "limit") {
  const resolved = {
    pageSize: options.pageSize ?? defaultListOptions.pageSize,
    offset: options.offset ?? defaultListOptions.offset,
    maxItems: options.maxItems ?? defaultListOptions.maxItems,
    concurrency: options.concurrency ?? defaultListOptions.concurrency,
  };
  const limit = meta?.params?.[limitName] ?? {};
  const min = limit.minimum ?? 1;
  const max = limit.maximum ?? Number.MAX_SAFE_INTEGER;
  if (!Number.isInteger(resolved.pageSize) || resolved.pageSize < min || resolved.pageSize > max) {
    throw new RangeError(`pageSize must be an integer from ${min} to ${max}, got ${resolved.pageSize}`);
  }
  const minOffset = meta?.params?.offset?.minimum ?? 0;
  if (!Number.isInteger(resolved.offset) || resolved.offset < minOffset) {
    throw new RangeError(`offset must be an integer ≥ ${minOffset}, got ${resolved.offset}`);
  }
  if (
    !(resolved.maxItems === Number.POSITIVE_INFINITY || (Number.isInteger(resolved.maxItems) && resolved.maxItems >= 0))
  ) {
    throw new RangeError(`maxItems must be a non-negative integer or Infinity, got ${resolved.maxItems}`);
  }
  if (!Number.isInteger(resolved.concurrency) || resolved.concurrency < 1 || resolved.concurrency > MAX_CONCURRENCY) {
    throw new RangeError(`concurrency must be an integer from 1 to ${MAX_CONCURRENCY}, got ${resolved.concurrency}`);
  }
  return resolved;
}

/** One value or several, as the array a form-exploded query parameter takes; undefined when empty. */
export function asArray<T>(value: T | readonly T[] | undefined): T[] | undefined {
  if (value === undefined) return undefined;
  const values = (Array.isArray(value) ? [...value] : [value]) as T[];
  return values.length > 0 ? values : undefined;
}
