import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

// A server process for the load benchmark: answers block-user lists, fails about 5% of requests
// (alternately a 503 and a reset connection, chosen by a counter so every run is the same), and
// reports how many connections it holds open when asked on stdin ("count\n").
const ok = JSON.stringify({
  meta: { developer_message: "ok", http_code: 200, success: true },
  data: { block_users: [] },
});
const busy = JSON.stringify({ meta: { developer_message: "busy", http_code: 503, success: false } });
let n = 0;
const server = createServer((req, res) => {
  n += 1;
  if (n % 40 === 0) return void req.socket.destroy();
  if (n % 40 === 20) {
    res.writeHead(503, { "content-type": "application/json", "content-length": Buffer.byteLength(busy) });
    return void res.end(busy);
  }
  res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(ok) });
  res.end(ok);
});
server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () => console.log((server.address() as AddressInfo).port));
process.stdin.setEncoding("utf8");
process.stdin.on("data", (text: string) => {
  if (text.includes("count"))
    server.getConnections((_e, count) => console.log(JSON.stringify({ connections: count, requests: n })));
});
process.stdin.on("end", () => process.exit(0));
