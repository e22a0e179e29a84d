import type { Clock } from "../../src/core/contract/clock.ts";

/**
 * A rate-limited API as real limiters count: strictly, at the moment each request arrives, over a
 * sliding window (requests in (t − window, t]). Over budget, it answers 429 with Retry-After. Served
 * through an injected `fetch` on the same injected clock as the client: each leg of the trip takes
 * `latency()` ms (the outbound leg before the server sees the request, the return leg before the
 * client sees the headers), so the order of events is set by the clock and the seed alone.
 */
export function strictWindowServer(options: {
  clock: Clock;
  limit: number;
  windowMs: number;
  /** Which requests the budget covers (others pass unlimited). */
  counts: (url: URL) => boolean;
  /** One-way latency of each leg, in ms. */
  latency: () => number;
  /** The answer within budget. */
  answer: (url: URL, method: string) => Response;
}) {
  const { clock, limit, windowMs } = options;
  const arrivals: number[] = [];
  const refused: number[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(String(input));
    const signal = init?.signal ?? undefined;
    await clock.sleep(options.latency(), signal);
    const at = clock.now();
    let response: Response;
    if (options.counts(url)) {
      const inWindow = arrivals.filter((t) => t > at - windowMs);
      arrivals.push(at);
      if (inWindow.length >= limit) {
        refused.push(at);
        const oldest = inWindow[inWindow.length - limit] as number;
        const seconds = Math.max(1, Math.ceil((oldest + windowMs - at) / 1000));
        response = new Response(JSON.stringify({ code: "TooManyRequests", message: "rate limit exceeded" }), {
          status: 429,
          headers: { "content-type": "application/json", "retry-after": String(seconds) },
        });
      } else {
        response = options.answer(url, init?.method ?? "GET");
      }
    } else {
      response = options.answer(url, init?.method ?? "GET");
    }
    await clock.sleep(options.latency(), signal);
    return response;
  };
  return { fetch: fetch as typeof globalThis.fetch, arrivals, refused };
}

/** A reproducible pseudo-random sequence in [0, 1) (no Math.random: a failing seed can be replayed). */
export function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}
