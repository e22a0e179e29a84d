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

/**
 * A list operation as a Paginator: the pagination style and the fields of its pages come from the
 * spec (`x-bsp-pagination`), so one builder serves every list of every provider. A page that is not
 * what the spec promises (not an object, items missing or not an array, a total or next-page token of
 * the wrong type) ends the iteration with a `BspError` of kind "unexpected".
 */
export function listPaginator<Item>(
  transport: CallTransport,
  path: string,
  pathParams: Record<string, unknown>,
  query: Record<string, unknown>,
  paging: Paging,
  options: RequestOptions,
): Paginator<Item, OffsetPage<Item> | CursorPage<Item>> {
  const pagination = transport.meta.operations[path]?.get?.pagination;
  if (!pagination) throw new TypeError(`GET ${path} is not a paginated list in the spec (x-bsp-pagination)`);
  const { signal, ...rest } = options;
  // The page machinery loads on the first iteration: a paginator that is never iterated costs nothing.
  const source = async function* (pageSignal: AbortSignal) {
    const { pageSource } = await import("./page-sources.ts");
    yield* pageSource<Item>(transport, path, pathParams, query, paging, rest, pagination)(pageSignal);
  };
  return new Paginator<Item, OffsetPage<Item> | CursorPage<Item>>(source, signal);
}
