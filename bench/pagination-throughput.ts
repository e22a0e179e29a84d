import { createDialog360Client } from "../src/360dialog/index.ts";
import { startChannelListServer } from "../test/support/channel-list-server.ts";

/**
 * 10,000 channels, pageSize 100, 20 ms server latency: wall time and requests per concurrency, against
 * the ideal. The first page is always alone (it tells the total); the rest can run `concurrency` at a
 * time, so ideal = (1 + ceil((pages - 1) / concurrency)) × latency.
 */
export async function paginationThroughput({
  count = 10_000,
  pageSize = 100,
  latencyMs = 20,
  levels = [1, 4, 8],
} = {}) {
  const rows = [];
  for (const concurrency of levels) {
    const server = await startChannelListServer({ count, latencyMs });
    const d360 = createDialog360Client({ partnerId: "examplePA", apiKey: "bench-key", baseUrl: server.url });
    const started = performance.now();
    let n = 0;
    for await (const _ of d360.channels.list({ pageSize, concurrency })) n++;
    const wallMs = performance.now() - started;
    if (n !== count) throw new Error(`expected ${count} items, got ${n}`);
    const idealMs = (1 + Math.ceil((count / pageSize - 1) / concurrency)) * latencyMs;
    rows.push({ concurrency, wallMs, requests: server.listRequests().length, idealMs, ratio: wallMs / idealMs });
    await server.close();
  }
  return rows;
}

if (import.meta.main) console.table(await paginationThroughput());
