import { afterEach, describe, expect, it } from "vitest";
import { createDialog360Client } from "../../src/360dialog/index.ts";
import { isBspError } from "../../src/index.ts";
import { startChannelListServer } from "../support/channel-list-server.ts";

const servers: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function setup(options: Parameters<typeof startChannelListServer>[0]) {
  const server = await startChannelListServer(options);
  servers.push(server);
  // Requests are counted where they start, in the client: a server sees an already-sent request a
  // moment later, which would make counts taken there depend on timing.
  const started = { count: 0, urls: [] as URL[] };
  const d360 = createDialog360Client({
    partnerId: "examplePA",
    apiKey: "k-test-1",
    baseUrl: server.url,
    retry: false,
    fetch: (input, init) => {
      started.count += 1;
      started.urls.push(new URL(String(input)));
      return globalThis.fetch(input, init);
    },
  });
  return { server, d360, started };
}

const ids = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `ch-${String(from + i).padStart(5, "0")}`);

describe("offset pagination", () => {
  it.each([1, 4, 8])("yields every item exactly once and in order (concurrency %i)", async (concurrency) => {
    const { server, d360 } = await setup({ count: 2503, latencyMs: 1 });
    const seen: string[] = [];
    for await (const channel of d360.channels.list({ pageSize: 100, concurrency })) seen.push(channel.id as string);
    expect(seen).toEqual(ids(2503));
    expect(server.listRequests()).toHaveLength(26);
    const offsets = server.listRequests().map((r) => Number(r.url.searchParams.get("offset")));
    expect(new Set(offsets).size).toBe(26);
  });

  it("is lazy: nothing is requested until iteration starts", async () => {
    const { server, d360 } = await setup({ count: 50 });
    const list = d360.channels.list({ pageSize: 10 });
    await new Promise((r) => setTimeout(r, 20));
    expect(server.requests).toHaveLength(0);
    expect(await list.toArray()).toHaveLength(50);
    expect(server.requests).toHaveLength(5);
  });

  it("sends nothing more after a break", async () => {
    const { server, d360 } = await setup({ count: 1000 });
    let n = 0;
    for await (const _ of d360.channels.list({ pageSize: 10 })) {
      if (++n === 15) break;
    }
    await new Promise((r) => setTimeout(r, 20));
    expect(server.listRequests()).toHaveLength(2);
  });

  it("stops after maxItems and never asks for more than it needs", async () => {
    const { server, d360 } = await setup({ count: 1000 });
    const items = await d360.channels.list({ pageSize: 100, maxItems: 250, concurrency: 4 }).toArray();
    expect(items.map((c) => c.id)).toEqual(ids(250));
    expect(server.listRequests().map((r) => r.url.searchParams.get("limit"))).toEqual(["100", "100", "50"]);
  });

  it("exposes pages with offset, limit and total", async () => {
    const { d360 } = await setup({ count: 25 });
    const pages = [];
    for await (const page of d360.channels.list({ pageSize: 10, offset: 3 }).pages()) {
      pages.push({ offset: page.offset, limit: page.limit, total: page.total, n: page.items.length });
    }
    expect(pages).toEqual([
      { offset: 3, limit: 10, total: 25, n: 10 },
      { offset: 13, limit: 10, total: 25, n: 10 },
      { offset: 23, limit: 2, total: 25, n: 2 },
    ]);
  });

  it.each([1, 4])("completes short pages from a server that caps page size (concurrency %i)", async (concurrency) => {
    const { d360 } = await setup({ count: 500, maxPageSize: 37 });
    const items = await d360.channels.list({ pageSize: 100, concurrency }).toArray();
    expect(items.map((c) => c.id)).toEqual(ids(500));
  });

  it("does not chase a total that grows during iteration", async () => {
    const { server, d360 } = await setup({
      count: 300,
      beforeAnswer: (_n, state) => state.records.push(`new-${state.records.length}`),
    });
    const items = await d360.channels.list({ pageSize: 100 }).toArray();
    expect(items).toHaveLength(301);
    expect(server.listRequests().length).toBeLessThanOrEqual(4);
  });

  it("stops when the total shrinks during iteration", async () => {
    const { d360 } = await setup({
      count: 300,
      beforeAnswer: (n, state) => {
        if (n === 1) state.records.splice(150);
      },
    });
    const items = await d360.channels.list({ pageSize: 100 }).toArray();
    expect(items.map((c) => c.id)).toEqual(ids(150));
  });

  it("stops on an empty page even when total says otherwise", async () => {
    const { server, d360 } = await setup({ count: 120, reportedTotal: 100_000 });
    const items = await d360.channels.list({ pageSize: 50 }).toArray();
    expect(items.map((c) => c.id)).toEqual(ids(120));
    // 0–49, 50–99, 100–119 (short), then 120: empty, so the loop ends despite total = 100,000.
    expect(server.listRequests().map((r) => r.url.searchParams.get("offset"))).toEqual(["0", "50", "100", "120"]);
  });

  it("stops on an empty page with concurrency, issuing nothing past it", async () => {
    const { d360, started } = await setup({ count: 120, reportedTotal: 100_000 });
    const items = await d360.channels.list({ pageSize: 50, concurrency: 4 }).toArray();
    expect(items.map((c) => c.id)).toEqual(ids(120));
    // Pages already prefetched when the empty page arrives (150–250) are aborted; nothing is issued after.
    const offsets = () => started.urls.map((u) => Number(u.searchParams.get("offset")));
    expect(offsets().sort((a, b) => a - b)).toEqual([0, 50, 100, 120, 150, 200, 250]);
    await new Promise((r) => setTimeout(r, 30));
    expect(offsets()).toHaveLength(7);
  });

  it("throws a BspError carrying the union member and stops issuing requests after a failed page", async () => {
    const { d360, started } = await setup({ count: 2000, failAt: 2, latencyMs: 2 });
    const seen: string[] = [];
    const error = await (async () => {
      for await (const c of d360.channels.list({ pageSize: 100, concurrency: 4 })) seen.push(c.id as string);
    })().catch((e: unknown) => e);
    expect(isBspError(error)).toBe(true);
    if (!isBspError(error)) return;
    expect(error.error).toMatchObject({ kind: "api", status: 500, traceId: "trace-500" });
    expect(seen).toEqual(ids(200));
    // The first page, then at most `concurrency` prefetched pages; none starts after the failure.
    const before = started.count;
    expect(before).toBeLessThanOrEqual(1 + 4 + 1);
    await new Promise((r) => setTimeout(r, 50));
    expect(started.count).toBe(before);
  });

  it("rejects with the caller's AbortError when aborted mid-iteration", async () => {
    const { server, d360 } = await setup({ count: 1000, latencyMs: 5 });
    const controller = new AbortController();
    let n = 0;
    const run = async () => {
      for await (const _ of d360.channels.list({ pageSize: 10, signal: controller.signal })) {
        if (++n === 25) controller.abort();
      }
    };
    await expect(run()).rejects.toMatchObject({ name: "AbortError" });
    await new Promise((r) => setTimeout(r, 30));
    expect(server.listRequests()).toHaveLength(3);
  });

  it("refuses to grow past toArray's max", async () => {
    const { d360 } = await setup({ count: 300 });
    await expect(d360.channels.list({ pageSize: 100 }).toArray({ max: 150 })).rejects.toThrow(RangeError);
  });
});
