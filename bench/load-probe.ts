import { createDialog360Client } from "../src/360dialog/index.ts";

// Runs in its own process with --expose-gc: `calls` calls, `concurrency` at a time, against the
// fault server at argv[2]; prints the outcomes and the heap before, after and after a second batch.
const [url, callsArg, concurrencyArg, mode = "bsp-sdk"] = process.argv.slice(2);
const calls = Number(callsArg);
const concurrency = Number(concurrencyArg);
const gc = (globalThis as { gc?: () => void }).gc as () => void;
const d360 = createDialog360Client({
  partnerId: "examplePA",
  apiKey: "bench-key",
  baseUrl: url as string,
  retry: process.env.PROBE_NO_RETRY ? false : { limit: 2, backoffLimit: 5 },
});
const outcomes: Record<string, number> = {};
async function batch() {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < calls) {
        next += 1;
        let key: string;
        if (mode === "raw fetch") {
          // The baseline: one plain fetch per call, body always read, no retries.
          try {
            const response = await fetch(`${url}/api/v2/partners/examplePA/channels/exampleCH/block_users`, {
              headers: { "X-API-Key": "bench-key" },
            });
            await response.text();
            key = response.ok ? "ok" : `status ${response.status}`;
          } catch {
            key = "network";
          }
        } else {
          const result = await d360.channels.listBlockedUsers({ channelId: "exampleCH" });
          key = result.error
            ? `${result.error.kind}${"status" in result.error ? ` ${result.error.status}` : ""}`
            : "ok";
        }
        outcomes[key] = (outcomes[key] ?? 0) + 1;
      }
    }),
  );
}
const heap = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
};
await batch();
const heapAfterFirst = heap();
await batch();
const heapAfterSecond = heap();
// Sockets this process still holds: with every abandoned body cancelled, only idle keep-alive
// connections remain, at most one per concurrent call.
// A reset connection may still be closing at the last call's end: let it settle, the same for both modes.
await new Promise((resolve) => setTimeout(resolve, 200));
const sockets = process.getActiveResourcesInfo().filter((r) => r === "TCPSocketWrap").length;
console.log(JSON.stringify({ outcomes, heapAfterFirst, heapAfterSecond, clientSockets: sockets }));
// Stay alive (sockets open) until the parent has counted the server's connections.
process.stdin.resume();
process.stdin.on("end", () => process.exit(0));
