import { describe, expect, it } from "vitest";
import { offsetPages } from "../../src/core/pagination/offset-pages.ts";

// The offset page source on an injected page fetcher: no server, no timing.
function fetcher(total: number, options: { shortAt?: number; reportedTotal?: number } = {}) {
  const asked: Array<[number, number]> = [];
  const fetchPage = async (offset: number, limit: number) => {
    asked.push([offset, limit]);
    // A short page: the server returns fewer items than asked once, at `shortAt`.
    const size = offset === options.shortAt ? Math.max(1, Math.floor(limit / 2)) : limit;
    const items = Array.from({ length: Math.max(0, Math.min(size, total - offset)) }, (_, i) => offset + i);
    return { data: { items, total: options.reportedTotal ?? total }, response: new Response(null) };
  };
  return { fetchPage, asked };
}
async function collect(source: ReturnType<typeof offsetPages<number>>) {
  const out: number[] = [];
  for await (const page of source(new AbortController().signal)) out.push(...page.items);
  return out;
}
const range = (n: number, from = 0) => Array.from({ length: n }, (_, i) => from + i);

describe("offsetPages", () => {
  it.each([1, 3, 8])("yields every item once and in order (concurrency %i)", async (concurrency) => {
    const { fetchPage } = fetcher(95);
    const items = await collect(offsetPages(fetchPage, { pageSize: 10, offset: 0, maxItems: Infinity, concurrency }));
    expect(items).toEqual(range(95));
  });

  it("fills the gap a short page leaves before going on, with prefetching", async () => {
    const { fetchPage, asked } = fetcher(60, { shortAt: 20 });
    const items = await collect(
      offsetPages(fetchPage, { pageSize: 10, offset: 0, maxItems: Infinity, concurrency: 4 }),
    );
    expect(items).toEqual(range(60));
    expect(asked).toContainEqual([25, 5]);
  });

  it("stops at maxItems, asking only for what it needs", async () => {
    const { fetchPage, asked } = fetcher(1000);
    const items = await collect(offsetPages(fetchPage, { pageSize: 30, offset: 5, maxItems: 50, concurrency: 1 }));
    expect(items).toEqual(range(50, 5));
    expect(asked).toEqual([
      [5, 30],
      [35, 20],
    ]);
  });

  it("ends at the first empty page however large the reported total", async () => {
    const { fetchPage, asked } = fetcher(25, { reportedTotal: 1_000_000 });
    const items = await collect(
      offsetPages(fetchPage, { pageSize: 10, offset: 0, maxItems: Infinity, concurrency: 1 }),
    );
    expect(items).toEqual(range(25));
    expect(asked.map(([o]) => o)).toEqual([0, 10, 20, 25]);
  });

  it("throws the BspError of a failed page", async () => {
    const fetchPage = async (offset: number) =>
      offset === 0
        ? { data: { items: [0], total: 2 }, response: new Response(null) }
        : { error: { kind: "network" as const, message: "reset", attempts: 1 } };
    await expect(
      collect(offsetPages(fetchPage, { pageSize: 1, offset: 0, maxItems: Infinity, concurrency: 1 })),
    ).rejects.toMatchObject({ name: "BspError", error: { kind: "network" } });
  });
});
