import type { CursorPage } from "./cursor-pages.ts";
import type { OffsetPage } from "./offset-pages.ts";
import { Paginator } from "./paginator.ts";
import type { RequestOptions } from "./request-options.ts";
import type { CallTransport } from "./transport.ts";

/** Paging of one list call, checked by `resolveListOptions`. */
export interface Paging {
  pageSize: number;
  offset: number;
  maxItems: number;
  concurrency: number;
}

/** A list call's query and paging, checked against the spec when the list is first iterated. */
export type PrepareList = () => Promise<{ query: Record<string, unknown>; paging: Paging }>;

/**
 * A list operation as a Paginator: the pagination style and the fields of its pages come from the
 * spec (`x-bsp-pagination`), so one builder serves every list of every provider. Parameters are
 * checked (`prepare`) when the list is iterated, before its first request: a mistake rejects the loop
 * with a TypeError or RangeError and nothing is sent. A page that is not what the spec promises (not
 * an object, items missing or not an array, a total or next-page token of the wrong type) ends the
 * iteration with a `BspError` of kind "unexpected".
 */
export function listPaginator<Item>(
  transport: CallTransport,
  path: string,
  pathParams: Record<string, unknown>,
  prepare: PrepareList,
  options: RequestOptions,
): Paginator<Item, OffsetPage<Item> | CursorPage<Item>> {
  const pagination = transport.meta.operations[path]?.get?.pagination;
  if (!pagination) throw new TypeError(`GET ${path} is not a paginated list in the spec (x-bsp-pagination)`);
  const { signal, ...rest } = options;
  // The checks and the page machinery load on the first iteration: a list never iterated costs nothing.
  const source = async function* (pageSignal: AbortSignal) {
    const [{ pageSource }, { query, paging }] = await Promise.all([import("./page-sources.ts"), prepare()]);
    yield* pageSource<Item>(transport, path, pathParams, query, paging, rest, pagination)(pageSignal);
  };
  return new Paginator<Item, OffsetPage<Item> | CursorPage<Item>>(source, signal);
}
