import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

// A server process for the per-call benchmark, so that client and server each get a core: answers
// the blocked-users path with 10 blocked users and every other request with one 10-channel page, and
// prints its port.
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
// The blocked-users answer conforms to the spec, so validateResponses checks a whole body and finds nothing.
const blocked = JSON.stringify({
  data: { block_users: Array.from({ length: 10 }, (_, i) => ({ input: `+4915${i}`, wa_id: `4915${i}` })) },
  meta: { success: true, http_code: 200, developer_message: "ok" },
  status_code: 200,
});
const server = createServer((req, res) => {
  const body = req.url?.endsWith("/block_users") ? blocked : page;
  res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
  res.end(body);
});
server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () => console.log((server.address() as AddressInfo).port));
process.on("disconnect", () => process.exit(0));
process.stdin.on("end", () => process.exit(0));
process.stdin.resume();
