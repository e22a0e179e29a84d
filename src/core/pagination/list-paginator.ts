import type { Transport } from "../contract/call.ts";
import type { QueryMeta } from "../contract/operation-meta.ts";
import type { CursorPage } from "./cursor-pages.ts";
import type { OffsetPage } from "./offset-pages.ts";
import type { pageSource } from "./page-sources.ts";
import { Paginator } from "./paginator.ts";
import type { ListShape, prepareList } from "./prepare-list.ts";

/** What a list loads on its first iteration: the page machinery, the provider's shape of its params, the spec's constraints. */
export interface ListMachinery {
  pageSource: typeof pageSource;
  prepareList: typeof prepareList;
  shape: ListShape;
  constraints: QueryMeta | undefined;
}

/** One list call, as `listPaginator` turns it into a Paginator. */
export interface ListCall {
  transport: Pick<Transport, "call" | "meta">;
  /** The list operation's path template (a GET with `x-bsp-pagination`). */
  path: string;
  pathParams: Record<string, unknown>;
  /** The params as `list()` got them (`snapshotParams`). */
  params: Record<string, unknown>;
  load: () => Promise<ListMachinery>;
}

/**
 * A list operation as a Paginator: the pagination style and the fields of its pages come from the
 * spec (`x-bsp-pagination`), so one builder serves every list of every provider. Parameters are
 * checked when the list is iterated, before its first request (the checks load then): a mistake
 * rejects the loop with a TypeError or RangeError and nothing is sent. A page that is not what the
 * spec promises (not an object, items missing or not an array, a total or next-page token of the
 * wrong type) ends the iteration with a `BspError` of kind "unexpected".
 */
export function listPaginator<Item>(list: ListCall): Paginator<Item, OffsetPage<Item> | CursorPage<Item>> {
  const { transport, path, pathParams, params } = list;
  const pagination = transport.meta.operations[path]?.get?.pagination;
  if (!pagination) throw new TypeError(`GET ${path} is not a paginated list in the spec (x-bsp-pagination)`);
  const source = async function* (pageSignal: AbortSignal) {
    const machinery = await list.load();
    const spec = { constraints: machinery.constraints, limitName: pagination.limit, operation: `GET ${path}` };
    const { query, paging, perPage } = machinery.prepareList(params, machinery.shape, spec);
    yield* machinery.pageSource<Item>({ transport, path, pathParams, query, paging, perPage, pagination })(pageSignal);
  };
  return new Paginator<Item, OffsetPage<Item> | CursorPage<Item>>(source, params.signal as AbortSignal | undefined);
}

/**
 * A copy of a list's params as `list()` got them: plain objects and arrays one level down are copied
 * too (filters, sort), so what the caller changes afterwards does not change the list.
 */
export function snapshotParams(params: object): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(params)) {
    const plain = typeof value === "object" && value !== null && Object.getPrototypeOf(value) === Object.prototype;
    copy[key] = Array.isArray(value) ? [...value] : plain ? { ...value } : value;
  }
  return copy;
}
