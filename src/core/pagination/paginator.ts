/** One page of results. Offset-paginated pages carry `offset`, `limit` and `total`; cursor pages a token. */
export interface Page<Item> {
  items: Item[];
}

/** Produces pages lazily; the only thing a pagination style has to implement. */
export type PageSource<P> = (signal: AbortSignal) => AsyncGenerator<P, void, undefined>;

/** Options of `Paginator.toArray`. */
export interface ToArrayOptions {
  /**
   * Refuse to collect more than this many items: the call rejects with a RangeError instead of growing.
   * @default 10000
   */
  max?: number;
}

/**
 * A lazy, re-iterable view of a paginated list. Nothing is requested until it is iterated; breaking
 * out of a loop stops it (in-flight prefetches are aborted and nothing further is sent). A failed page
 * throws a `BspError` carrying the same error union member a result would.
 *
 * @example
 * for await (const channel of d360.channels.list({ filters: { status: "ready" } })) console.log(channel.id);
 */
export class Paginator<Item, P extends Page<Item> = Page<Item>> implements AsyncIterable<Item> {
  readonly #source: PageSource<P>;
  readonly #signal: AbortSignal | undefined;

  constructor(source: PageSource<P>, signal?: AbortSignal) {
    this.#source = source;
    this.#signal = signal;
  }

  /** Iterates whole pages (items plus the page's position). */
  async *pages(): AsyncGenerator<P, void, undefined> {
    const controller = new AbortController();
    const onAbort = () => controller.abort(this.#signal?.reason);
    this.#signal?.throwIfAborted();
    this.#signal?.addEventListener("abort", onAbort, { once: true });
    try {
      for await (const page of this.#source(controller.signal)) {
        this.#signal?.throwIfAborted();
        yield page;
      }
      // An abort can also end the source quietly (it stops issuing requests); it still rejects the loop.
      this.#signal?.throwIfAborted();
    } finally {
      this.#signal?.removeEventListener("abort", onAbort);
      // Stops prefetches still in flight when the consumer breaks out or a page fails.
      if (!controller.signal.aborted) controller.abort(new DOMException("Pagination stopped", "AbortError"));
    }
  }

  /** Iterates items, fetching pages as needed. */
  async *[Symbol.asyncIterator](): AsyncGenerator<Item, void, undefined> {
    for await (const page of this.pages()) {
      for (const item of page.items) {
        this.#signal?.throwIfAborted();
        yield item;
      }
    }
  }

  /**
   * The first item, or `undefined` when the list is empty. Fetches one page and stops: nothing further
   * is requested. A failed page rejects with a `BspError`, as iteration does.
   * @example const newest = await d360.channels.list({ sort: "-created_at", pageSize: 1 }).first();
   */
  async first(): Promise<Item | undefined> {
    for await (const item of this) return item;
    return undefined;
  }

  /** Collects every item; rejects with a RangeError rather than hold more than `max`. */
  async toArray(options: ToArrayOptions = {}): Promise<Item[]> {
    const max = options.max ?? 10_000;
    if (!Number.isInteger(max) || max < 0) throw new RangeError(`max must be a non-negative integer, got ${max}`);
    const out: Item[] = [];
    for await (const page of this.pages()) {
      if (out.length + page.items.length > max) {
        throw new RangeError(
          `toArray: the list has more than ${max} items; raise max, set maxItems, or iterate instead`,
        );
      }
      out.push(...page.items);
    }
    return out;
  }
}
