import { spawn } from "node:child_process";
import { once } from "node:events";

/**
 * 10,000 calls (16 at a time) against a server that fails 5% of requests (503s and reset connections),
 * with retries on; then the server's open connections (the idle keep-alive pool should be all that
 * is left: one per concurrent call at most) and the client's heap after a second batch of the same
 * size (flat when nothing is retained per call).
 */
export async function loadSockets({ calls = 10_000, concurrency = 16, mode = "bsp-sdk" } = {}) {
  const server = spawn(process.execPath, [new URL("./fault-server-process.ts", import.meta.url).pathname], {
    stdio: ["pipe", "pipe", "inherit"],
  });
  const [first] = (await once(server.stdout, "data")) as [Buffer];
  const url = `http://127.0.0.1:${first.toString().trim()}`;
  const probe = spawn(
    process.execPath,
    [
      "--expose-gc",
      new URL("./load-probe.ts", import.meta.url).pathname,
      url,
      String(calls),
      String(concurrency),
      mode,
    ],
    { stdio: ["pipe", "pipe", "inherit"] },
  );
  const [line] = (await once(probe.stdout, "data")) as [Buffer];
  const result = JSON.parse(line.toString()) as {
    outcomes: Record<string, number>;
    heapAfterFirst: number;
    heapAfterSecond: number;
    clientSockets: number;
  };
  server.stdin.write("count\n");
  const [countLine] = (await once(server.stdout, "data")) as [Buffer];
  const { connections, requests } = JSON.parse(countLine.toString()) as { connections: number; requests: number };
  probe.stdin.end();
  await once(probe, "exit");
  server.stdin.end();
  server.kill();
  return { mode, calls: calls * 2, concurrency, ...result, serverConnections: connections, requests };
}

if (import.meta.main) {
  console.log(await loadSockets({ mode: "raw fetch" }));
  console.log(await loadSockets());
}
