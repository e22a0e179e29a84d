import type { Transport } from "../contract/call.ts";
import type { PaginationMeta } from "../contract/operation-meta.ts";
import type { Paging } from "../contract/paging.ts";
import type { RequestOptions } from "../contract/request-options.ts";
import type { Ok } from "../contract/result.ts";
import { BspError } from "../results/bsp-error.ts";
import { unusableSuccessError } from "../results/error-factory.ts";
import { type CursorPage, cursorPages } from "./cursor-pages.ts";
import { type OffsetPage, offsetPages } from "./offset-pages.ts";
import type { PageSource } from "./paginator.ts";

/** One list call's pages: where to ask, the query and paging checked for it, and its per-page options. */
export interface ListPages {
  transport: Pick<Transport, "call">;
  path: string;
  pathParams: Record<string, unknown>;
  query: Record<string, unknown>;
  paging: Paging;
  /** Per-call options for each page's request (its signal is the page's). */
  perPage: Omit<RequestOptions, "signal">;
  pagination: PaginationMeta;
}

/** The pages of one list call, in the style and with the fields the spec gives (`x-bsp-pagination`). */
export function pageSource<Item>({
  transport,
  path,
  pathParams,
  query,
  paging,
  perPage,
  pagination,
}: ListPages): PageSource<OffsetPage<Item> | CursorPage<Item>> {
  const operation = `GET ${path}`;
  const fetchPage = (pageQuery: Record<string, unknown>, pageSignal: AbortSignal) =>
    transport.call(
      path,
      "get",
      { path: pathParams, query: { ...query, ...pageQuery } },
      { ...perPage, signal: pageSignal },
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
    return source;
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
  return source;
}

function pageFields(
  result: Ok<unknown>,
  pagination: PaginationMeta,
  operation: string,
): { items: unknown[]; total?: number; next?: string } {
  const data = result.data;
  const fail = (why: string): never => {
    throw new BspError(
      unusableSuccessError(
        result.response,
        data,
        `${operation} answered a page that is not what the spec promises: ${why}`,
      ),
    );
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
