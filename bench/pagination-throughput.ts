import { cpus } from "node:os";
import { createDialog360Client } from "../src/360dialog/index.ts";
import { startChannelListServer } from "../test/support/channel-list-server.ts";

// 10,000 channels, pageSize 100, 20 ms server latency: wall time and requests per concurrency,
// against the ideal (pages ÷ concurrency × latency). Run: node bench/pagination-throughput.ts
const COUNT = 10_000;
const PAGE = 100;
const LATENCY = 20;
console.log(`node ${process.version}, ${cpus()[0]?.model ?? "cpu"} ×${cpus().length}`);
console.log("| concurrency | wall ms | requests | ideal ms | ratio to ideal |");
console.log("| --- | --- | --- | --- | --- |");
for (const concurrency of [1, 4, 8]) {
  const server = await startChannelListServer({ count: COUNT, latencyMs: LATENCY });
  const d360 = createDialog360Client({ partnerId: "examplePA", apiKey: "bench-key", baseUrl: server.url });
  const started = performance.now();
  let n = 0;
  for await (const _ of d360.channels.list({ pageSize: PAGE, concurrency })) n++;
  const wall = performance.now() - started;
  if (n !== COUNT) throw new Error(`expected ${COUNT} items, got ${n}`);
  const pages = COUNT / PAGE;
  // The first page is always alone (it tells the total); the rest run `concurrency` at a time.
  const ideal = (1 + Math.ceil((pages - 1) / concurrency)) * LATENCY;
  console.log(
    `| ${concurrency} | ${wall.toFixed(0)} | ${server.listRequests().length} | ${ideal} | ${(wall / ideal).toFixed(2)} |`,
  );
  await server.close();
}
