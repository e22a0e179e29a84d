import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

// A server process for the per-call benchmark, so that client and server each get a core: answers
// every request with one 10-channel page and prints its port.
const page = JSON.stringify({
  count: 10,
  limit: 10,
  offset: 0,
  total: 10,
  filters: {},
  sort: [],
  partner_channels: Array.from({ length: 10 }, (_, i) => ({
    id: `ch-${i}`,
    client_id: "cl",
    status: "ready",
    setup_info: { phone_number: `+49${i}` },
  })),
});
const server = createServer((_req, res) => {
  res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(page) });
  res.end(page);
});
server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () => console.log((server.address() as AddressInfo).port));
process.on("disconnect", () => process.exit(0));
process.stdin.on("end", () => process.exit(0));
process.stdin.resume();
