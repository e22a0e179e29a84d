import type { Transport } from "../contract/call.ts";
import type { PrepareList } from "../contract/paging.ts";
import type { RequestOptions } from "../contract/request-options.ts";
import type { CursorPage } from "./cursor-pages.ts";
import type { OffsetPage } from "./offset-pages.ts";
import type { pageSource } from "./page-sources.ts";
import { Paginator } from "./paginator.ts";

/** One list call, as `listPaginator` turns it into a Paginator. */
export interface ListCall {
  transport: Pick<Transport, "call" | "meta">;
  /** The list operation's path template (a GET with `x-bsp-pagination`). */
  path: string;
  pathParams: Record<string, unknown>;
  /** Checks the list's params and returns its query and paging; runs on the first iteration. */
  prepare: PrepareList;
  /** Per-call options for each page's request. */
  options: RequestOptions;
  /** Loads the page machinery (on the first iteration). */
  loadPages: () => Promise<typeof pageSource>;
}

/**
 * A list operation as a Paginator: the pagination style and the fields of its pages come from the
 * spec (`x-bsp-pagination`), so one builder serves every list of every provider. Parameters are
 * checked (`prepare`) when the list is iterated, before its first request: a mistake rejects the loop
 * with a TypeError or RangeError and nothing is sent. A page that is not what the spec promises (not
 * an object, items missing or not an array, a total or next-page token of the wrong type) ends the
 * iteration with a `BspError` of kind "unexpected".
 */
export function listPaginator<Item>(list: ListCall): Paginator<Item, OffsetPage<Item> | CursorPage<Item>> {
  const { transport, path } = list;
  const pagination = transport.meta.operations[path]?.get?.pagination;
  if (!pagination) throw new TypeError(`GET ${path} is not a paginated list in the spec (x-bsp-pagination)`);
  const { signal, ...perPage } = list.options;
  // The checks and the page machinery load on the first iteration: a list never iterated costs nothing.
  const source = async function* (pageSignal: AbortSignal) {
    const [pages, { query, paging }] = await Promise.all([list.loadPages(), list.prepare()]);
    yield* pages<Item>({ transport, path, pathParams: list.pathParams, query, paging, perPage, pagination })(
      pageSignal,
    );
  };
  return new Paginator<Item, OffsetPage<Item> | CursorPage<Item>>(source, signal);
}
