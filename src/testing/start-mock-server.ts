import { type ChildProcess, spawn } from "node:child_process";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";

/** A provider whose bundled spec the mock server can serve. */
export type MockProvider = "360dialog" | "bird";

/** Options of `startMockServer`. */
export interface MockServerOptions {
  /**
   * Port on 127.0.0.1. A free port is picked when omitted.
   * @default 0 (any free port)
   */
  port?: number;
  /**
   * How long to wait for Prism to start listening, in milliseconds.
   * @default 30000
   */
  startTimeout?: number;
  /**
   * Generate response bodies from the schemas (`prism mock -d`) instead of from the spec's examples.
   * @default false
   */
  dynamic?: boolean;
}

/** A running mock; pass `url` as a client's `baseUrl`. */
export interface MockServer {
  /** Base URL of the mock, e.g. `http://127.0.0.1:43121`. Pass it as `baseUrl` to a client. */
  readonly url: string;
  /** Stops Prism and waits for it to exit. Safe to call more than once. */
  close(): Promise<void>;
}

const SPECS: Record<MockProvider, URL> = {
  "360dialog": new URL("../../openapi/dist/360dialog.json", import.meta.url),
  bird: new URL("../../openapi/dist/bird.json", import.meta.url),
};

/**
 * Starts Prism (`@stoplight/prism-cli`, an optional peer dependency) serving the provider's bundled
 * spec on a loopback port. Prism validates every request against the spec and reports violations in
 * the `sl-violations` response header; `Prefer: code=404` asks it for a declared error response.
 *
 * @example
 * const mock = await startMockServer("360dialog");
 * const d360 = createDialog360Client({ partnerId: "examplePA", apiKey: "test", baseUrl: mock.url });
 * // ...
 * await mock.close();
 */
export async function startMockServer(provider: MockProvider, options: MockServerOptions = {}): Promise<MockServer> {
  const spec = SPECS[provider];
  if (!spec) throw new TypeError(`Unknown provider ${JSON.stringify(provider)}; expected "360dialog" or "bird"`);
  const prism = resolvePrism();
  const port = options.port || (await freePort());
  const args = [prism, "mock", fileURLToPath(spec), "--host", "127.0.0.1", "--port", String(port)];
  if (options.dynamic) args.push("--dynamic");
  const child = spawn(process.execPath, args, {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, FORCE_COLOR: "0" },
  });
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForListening(child, options.startTimeout ?? 30_000);
  } catch (error) {
    await stop(child);
    throw error;
  }
  let closing: Promise<void> | undefined;
  return {
    url,
    close: () => {
      closing ??= stop(child);
      return closing;
    },
  };
}

function resolvePrism(): string {
  const require = createRequire(import.meta.url);
  try {
    const pkgPath = require.resolve("@stoplight/prism-cli/package.json");
    return pkgPath.replace(/package\.json$/, "dist/index.js");
  } catch {
    throw new Error(
      "startMockServer needs Prism, an optional peer dependency of bsp-sdk: npm install --save-dev @stoplight/prism-cli@5.14.2",
    );
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

function waitForListening(child: ChildProcess, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = "";
    const onData = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-4000);
      if (output.includes("Prism is listening")) finish();
    };
    const onExit = (code: number | null) =>
      finish(new Error(`Prism exited (code ${code}) before listening:\n${output}`));
    const timer = setTimeout(
      () => finish(new Error(`Prism did not start within ${timeoutMs} ms:\n${output}`)),
      timeoutMs,
    );
    const finish = (error?: Error) => {
      clearTimeout(timer);
      child.stdout?.off("data", onData);
      child.stderr?.off("data", onData);
      child.off("exit", onExit);
      // Keep draining Prism's output so a full pipe never blocks it.
      child.stdout?.resume();
      child.stderr?.resume();
      error ? reject(error) : resolve();
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", onExit);
  });
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill("SIGKILL"), 5000);
    child.once("exit", () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill("SIGTERM");
  });
}
