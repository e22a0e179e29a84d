import { spawn } from "node:child_process";
import { once } from "node:events";
import { createDialog360Client } from "../src/360dialog/index.ts";

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
    // The server runs in its own process, so that its JSON work does not share the client's core.
    const child = spawn(
      process.execPath,
      [new URL("./list-server-process.ts", import.meta.url).pathname, String(count), String(latencyMs)],
      {
        stdio: ["pipe", "pipe", "inherit"],
      },
    );
    child.stdout.setEncoding("utf8");
    const [url] = (await once(child.stdout, "data")) as [string];
    const d360 = createDialog360Client({ partnerId: "examplePA", apiKey: "bench-key", baseUrl: url.trim() });
    const started = performance.now();
    let n = 0;
    for await (const _ of d360.channels.list({ pageSize, concurrency })) n++;
    const wallMs = performance.now() - started;
    if (n !== count) throw new Error(`expected ${count} items, got ${n}`);
    const idealMs = (1 + Math.ceil((count / pageSize - 1) / concurrency)) * latencyMs;
    child.stdin.write("count\n");
    const [requests] = (await once(child.stdout, "data")) as [string];
    rows.push({ concurrency, wallMs, requests: Number(requests.trim()), idealMs, ratio: wallMs / idealMs });
    child.stdin.end();
    await once(child, "exit");
  }
  return rows;
}

if (import.meta.main) console.table(await paginationThroughput());
