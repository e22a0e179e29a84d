import { startChannelListServer } from "../test/support/channel-list-server.ts";

// The channel list server in a process of its own (argv: count, latency ms); prints its URL and
// request count on demand ("count\n" on stdin), exits when stdin closes.
const [count = "10000", latencyMs = "20"] = process.argv.slice(2);
const server = await startChannelListServer({ count: Number(count), latencyMs: Number(latencyMs) });
console.log(server.url);
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk: string) => {
  if (chunk.includes("count")) console.log(String(server.listRequests().length));
});
process.stdin.on("end", () => void server.close().then(() => process.exit(0)));
