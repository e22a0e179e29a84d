import { BspError } from "./bsp-error.ts";
import { type CursorPage, cursorPages } from "./cursor-pages.ts";
import type { UnexpectedError } from "./error-types.ts";
import { type OffsetPage, offsetPages } from "./offset-pages.ts";
import type { PaginationMeta } from "./operation-meta.ts";
import { Paginator } from "./paginator.ts";
import type { RequestOptions } from "./request-options.ts";
import type { Ok, Result } from "./result.ts";
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
  const operation = `GET ${path}`;
  const { signal, ...rest } = options;
  const fetchPage = (pageQuery: Record<string, unknown>, pageSignal: AbortSignal) =>
    transport.call(
      path,
      "get",
      { path: pathParams, query: { ...query, ...pageQuery } },
      { ...rest, signal: pageSignal },
    );
  if (pagination.style === "offset") {
    const source = offsetPages<Item>(async (offset, limit, pageSignal) => {
      const result = await fetchPage({ [pagination.offset]: offset, [pagination.limit]: limit }, pageSignal);
      if (result.error) return result;
      const page = pageFields(result, pagination, operation);
      return {
        data: { items: page.items as Item[], total: page.total ?? offset + page.items.length },
        response: result.response,
      };
    }, paging);
    return new Paginator(source, signal);
  }
  const source = cursorPages<Item>(
    async (token, limit, pageSignal) => {
      const result = await fetchPage(
        { [pagination.limit]: limit, ...(token ? { [pagination.token]: token } : {}) },
        pageSignal,
      );
      if (result.error) return result;
      const page = pageFields(result, pagination, operation);
      return { data: { items: page.items as Item[], nextPageToken: page.next }, response: result.response };
    },
    { pageSize: paging.pageSize, maxItems: paging.maxItems },
    operation,
  );
  return new Paginator(source, signal);
}

function pageFields(
  result: Ok<unknown>,
  pagination: PaginationMeta,
  operation: string,
): { items: unknown[]; total?: number; next?: string } {
  const data = result.data;
  const fail = (why: string): never => {
    let raw = "";
    try {
      raw = JSON.stringify(data)?.slice(0, 2000) ?? "";
    } catch {}
    const error: UnexpectedError = Object.freeze({
      kind: "unexpected",
      status: result.response.status,
      body: data,
      rawBody: raw,
      attempts: 1,
      message: `${operation} answered a page that is not what the spec promises: ${why}`,
    });
    throw new BspError(error);
  };
  if (typeof data !== "object" || data === null || Array.isArray(data)) fail("the page is not a JSON object");
  const page = data as Record<string, unknown>;
  const items = page[pagination.items];
  if (!Array.isArray(items)) fail(`"${pagination.items}" is ${items === undefined ? "missing" : "not an array"}`);
  if (pagination.style === "offset") {
    const total = page[pagination.total];
    if (total !== undefined && total !== null && !(Number.isSafeInteger(total) && (total as number) >= 0)) {
      fail(`"${pagination.total}" is not a non-negative integer`);
    }
    return typeof total === "number" ? { items: items as unknown[], total } : { items: items as unknown[] };
  }
  const next = page[pagination.next];
  if (next !== undefined && next !== null && typeof next !== "string") fail(`"${pagination.next}" is not a string`);
  return typeof next === "string" && next.length > 0
    ? { items: items as unknown[], next }
    : { items: items as unknown[] };
}

export type { Result };
