import type { AnyBspError } from "../contract/error-types.ts";
import type { Result } from "../contract/result.ts";
import type { Page, PageSource } from "./paginator.ts";
import { throwIfError } from "./throw-if-error.ts";

export interface OffsetPage<Item> extends Page<Item> {
  /** Offset of the first item of this page. */
  offset: number;
  /** The page size that was requested. */
  limit: number;
  /** The total the server reported with this page. */
  total: number;
}

export interface OffsetPagesOptions {
  pageSize: number;
  offset: number;
  maxItems: number;
  concurrency: number;
}

/** Fetches one page: `limit` items from `offset`. */
export type FetchOffsetPage<Item> = (
  offset: number,
  limit: number,
  signal: AbortSignal,
) => Promise<Result<{ items: Item[]; total: number }, AnyBspError>>;

/**
 * Offset pagination. The first page gives `total`; the list ends at the first empty page, at
 * `offset >= total`, or after `maxItems`. `total` may only shrink during an iteration (items added
 * after it started are not chased), so a misbehaving server cannot make it loop forever: every page
 * advances the offset by at least one item, and the end is bounded by the first `total`.
 *
 * With `concurrency > 1`, once `total` is known up to that many pages are requested at once and
 * yielded in order; a short page is completed by fetching the gap before going on, so the items are
 * exactly those sequential iteration would give.
 */
export function offsetPages<Item>(
  fetchPage: FetchOffsetPage<Item>,
  options: OffsetPagesOptions,
): PageSource<OffsetPage<Item>> {
  return async function* (signal) {
    const { pageSize } = options;
    const end = () => Math.min(bound, options.offset + options.maxItems);
    let bound = Number.POSITIVE_INFINITY;
    let offset = options.offset;

    const load = async (at: number, limit: number) => {
      const result = await fetchPage(at, limit, signal);
      throwIfError(result);
      const { items, total } = result.data as { items: Item[]; total: number };
      bound = Math.min(bound, Number.isFinite(total) && total >= 0 ? total : at + items.length);
      // Never more than asked for: a server ignoring `limit` would otherwise overlap the next page.
      return { items: items.slice(0, Math.max(0, Math.min(limit, end() - at))), offset: at, limit, total };
    };

    const first = await load(offset, Math.min(pageSize, end() - offset));
    if (first.items.length === 0) return;
    offset += first.items.length;
    yield first;

    const queue: Array<{ at: number; limit: number; page: Promise<OffsetPage<Item>> }> = [];
    let next = offset;
    const fill = () => {
      while (queue.length < Math.max(1, options.concurrency) && next < end() && !signal.aborted) {
        const limit = Math.min(pageSize, end() - next);
        const page = load(next, limit);
        // Errors surface when the page's turn comes; until then they must not be unhandled.
        page.catch(() => {});
        queue.push({ at: next, limit, page });
        next += limit;
      }
    };
    while (offset < end()) {
      fill();
      const head = queue.shift();
      if (!head) return;
      let page = await head.page;
      if (page.items.length === 0) return;
      yield page;
      offset = head.at + page.items.length;
      // A short page leaves a gap before the next prefetched page: fetch it before going on.
      while (offset < head.at + head.limit && offset < end()) {
        page = await load(offset, head.at + head.limit - offset);
        if (page.items.length === 0) return;
        yield page;
        offset += page.items.length;
      }
      if (offset < head.at + head.limit) return;
    }
  };
}
