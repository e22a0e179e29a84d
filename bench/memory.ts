import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { startChannelListServer } from "../test/support/channel-list-server.ts";

const run = promisify(execFile);

/** Peak retained heap growth while iterating `count` items, streaming vs toArray, each in a fresh process. */
export async function memoryUse({ counts = [10_000, 100_000] } = {}) {
  const rows = [];
  for (const count of counts) {
    const server = await startChannelListServer({ count });
    for (const mode of ["stream", "toArray"]) {
      const { stdout } = await run(
        process.execPath,
        ["--expose-gc", new URL("./memory-probe.ts", import.meta.url).pathname, server.url, mode],
        {
          maxBuffer: 1 << 20,
        },
      );
      const result = JSON.parse(stdout) as { mode: string; items: number; peakGrowthBytes: number };
      if (result.items !== count) throw new Error(`expected ${count} items, got ${result.items}`);
      rows.push({ count, ...result });
    }
    await server.close();
  }
  return rows;
}

if (import.meta.main) console.table(await memoryUse());
