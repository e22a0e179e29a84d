import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import { Redis } from "ioredis";

export const REDIS_SERVER = process.env.REDIS_SERVER_PATH ?? "/usr/bin/redis-server";

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * A throwaway redis-server on a loopback port, no persistence; stopped by `stop()` (and killed with
 * the test process). A port taken between choosing and binding is retried with another.
 */
export async function startRedisServer(): Promise<{ port: number; stop: () => Promise<void> }> {
  if (!existsSync(REDIS_SERVER)) throw new Error(`no redis-server at ${REDIS_SERVER}`);
  for (let attempt = 0; attempt < 5; attempt++) {
    const port = await freePort();
    const child: ChildProcess = spawn(
      REDIS_SERVER,
      ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--protected-mode", "yes"],
      { stdio: "ignore" },
    );
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    const probe = new Redis({
      port,
      host: "127.0.0.1",
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });
    // Refused connections while redis-server starts are expected: connect() rejects with them, and the
    // loop tries again. Without a listener ioredis also prints each as an "Unhandled error event".
    probe.on("error", () => {});
    let ready = false;
    for (let i = 0; i < 100 && child.exitCode === null && !ready; i++) {
      try {
        await probe.connect();
        ready = (await probe.ping()) === "PONG";
      } catch {
        await new Promise((r) => setTimeout(r, 50));
      }
    }
    probe.disconnect();
    if (ready) {
      const stop = async () => {
        if (child.exitCode === null) child.kill("SIGKILL");
        await exited;
      };
      process.once("exit", () => child.kill("SIGKILL"));
      return { port, stop };
    }
    child.kill("SIGKILL");
    await exited;
  }
  throw new Error("redis-server did not start on any of 5 ports");
}
