import type { AnyBspError } from "../contract/error-types.ts";
import type { Result } from "../contract/result.ts";
import { BspError } from "../results/bsp-error.ts";
import { unusableSuccessError } from "../results/error-factory.ts";
import type { Page, PageSource } from "./paginator.ts";
import { throwIfError } from "./throw-if-error.ts";

export interface CursorPage<Item> extends Page<Item> {
  /** The token this page was requested with (undefined for the first page). */
  pageToken: string | undefined;
  /** The token of the next page; undefined on the last page. */
  nextPageToken: string | undefined;
}

export interface CursorPagesOptions {
  pageSize: number;
  maxItems: number;
}

/** Fetches one page after `pageToken` (undefined: the first page). */
export type FetchCursorPage<Item> = (
  pageToken: string | undefined,
  limit: number,
  signal: AbortSignal,
) => Promise<Result<{ items: Item[]; nextPageToken: string | undefined }, AnyBspError>>;

/**
 * Cursor pagination: follows `nextPageToken` until a page comes back without one (or empty), or
 * `maxItems` is reached. A server that hands out a token it gave before, or a page identical to the
 * previous one, would loop forever: the iteration ends with a `BspError` (kind "unexpected") instead.
 */
export function cursorPages<Item>(
  fetchPage: FetchCursorPage<Item>,
  options: CursorPagesOptions,
  operation: string,
): PageSource<CursorPage<Item>> {
  return async function* (signal) {
    const seenTokens = new Set<string>();
    let token: string | undefined;
    let remaining = options.maxItems;
    let previous: string | undefined;
    while (remaining > 0) {
      const result = await fetchPage(token, Math.min(options.pageSize, remaining), signal);
      throwIfError(result);
      const { items, nextPageToken } = result.data as { items: Item[]; nextPageToken: string | undefined };
      const fingerprint = items.length > 0 ? JSON.stringify(items) : undefined;
      if (fingerprint !== undefined && fingerprint === previous) {
        throw misbehaving(
          result.response,
          `${operation} returned the same page twice (page token ${JSON.stringify(token)}); stopping instead of looping`,
        );
      }
      previous = fingerprint;
      const kept = items.slice(0, remaining);
      remaining -= kept.length;
      if (kept.length > 0) yield { items: kept, pageToken: token, nextPageToken };
      if (!nextPageToken || items.length === 0) return;
      if (seenTokens.has(nextPageToken) || nextPageToken === token) {
        throw misbehaving(
          result.response,
          `${operation} returned page token ${JSON.stringify(nextPageToken)} a second time; stopping instead of looping`,
        );
      }
      if (token !== undefined) seenTokens.add(token);
      seenTokens.add(nextPageToken);
      token = nextPageToken;
    }
  };
}

function misbehaving(response: Response, message: string): BspError {
  return new BspError(unusableSuccessError(response, undefined, message));
}
