import { type ChildProcess, spawn } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { PROVIDERS, type ProviderName } from "../providers.ts";

/** A provider whose bundled spec the mock server can serve. */
/** A provider whose bundled spec the mock serves. */
export type MockProvider = ProviderName;

/** Options of `startMockServer`. */
export interface MockServerOptions {
  /**
   * Port on 127.0.0.1. When omitted, Prism binds a free port itself (no race between parallel workers).
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

/** What `mock.prefer()` asks Prism for (Prism's `Prefer` request header). */
export interface PreferOptions {
  /** Answer with this declared status (e.g. `404`, `429`) instead of the first 2xx. */
  code?: number;
  /** Answer with this named example of the response. */
  example?: string;
  /** Generate the body from the schema (`true`) or take it from examples (`false`) for this request. */
  dynamic?: boolean;
}

/** Options to spread into `createDialog360Client` / `createBirdClient` to talk to the mock. */
export interface MockClientOptions {
  /** The mock's URL. */
  readonly baseUrl: string;
  /** Client-side pacing off: the mock enforces no rate limit, so calls never wait for one. */
  readonly rateLimit: false;
}

/** A running mock; spread `clientOptions` into a client's options (or pass `url` as its `baseUrl`). */
export interface MockServer {
  /** Base URL of the mock, e.g. `http://127.0.0.1:43121`. Pass it as `baseUrl` to a client. */
  readonly url: string;
  /** `{ baseUrl, rateLimit: false }`: the options a client needs to talk to this mock. */
  readonly clientOptions: MockClientOptions;
  /**
   * Headers asking Prism for a specific answer, for a call's `headers` option:
   * `d360.channels.createApiKey(ref, { headers: mock.prefer({ code: 429 }) })`.
   */
  prefer(options: PreferOptions): { Prefer: string };
  /** Stops Prism and waits for it to exit. Safe to call more than once. */
  close(): Promise<void>;
}

/** @internal */
export const SPECS: Record<MockProvider, URL> = {
  "360dialog": new URL("../../openapi/dist/360dialog.json", import.meta.url),
  bird: new URL("../../openapi/dist/bird.json", import.meta.url),
};

/**
 * Loaded into Prism's process before Prism itself: Prism exits when its standard input closes, which
 * happens when the process that started it ends, however it ends (even `SIGKILL`), so a mock never
 * outlives its test run.
 */
const EXIT_WITH_PARENT = `data:text/javascript,${encodeURIComponent(
  'process.stdin.on("end",()=>process.exit(0));process.stdin.on("error",()=>process.exit(0));process.stdin.resume();',
)}`;

const LISTENING = /Prism is listening on (http:\/\/127\.0\.0\.1:\d+)/;

/**
 * Starts Prism (`@stoplight/prism-cli`, an optional peer dependency) serving the provider's bundled
 * spec on a loopback port. Prism validates every request against the spec and reports violations in
 * the `sl-violations` response header; `mock.prefer({ code: 404 })` asks it for a declared error.
 *
 * Prism binds the port itself (any free port unless `port` is given), so parallel test workers never
 * race for one; the mock is ready when it answers HTTP; it exits with the process that started it.
 *
 * @example
 * const mock = await startMockServer("360dialog");
 * const d360 = createDialog360Client({ partnerId: "examplePA", apiKey: "test", ...mock.clientOptions });
 * // ...
 * await mock.close();
 */
export async function startMockServer(provider: MockProvider, options: MockServerOptions = {}): Promise<MockServer> {
  const spec = SPECS[provider];
  if (!spec)
    throw new TypeError(
      `Unknown provider ${JSON.stringify(provider)}; expected ${PROVIDERS.map((p) => JSON.stringify(p)).join(" or ")}`,
    );
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new RangeError(`port must be an integer from 0 to 65535, got ${String(port)}`);
  }
  const child = await launchPrism(
    ["mock", fileURLToPath(spec), ...(options.dynamic ? ["--dynamic"] : [])],
    port,
    options.startTimeout ?? 30_000,
    "startMockServer",
  );
  const url = child.url;
  let closing: Promise<void> | undefined;
  return {
    url,
    clientOptions: Object.freeze({ baseUrl: url, rateLimit: false as const }),
    prefer: preferHeader,
    close: () => {
      closing ??= stop(child.process);
      return closing;
    },
  };
}

/**
 * Starts Prism with `args` (`mock <spec>` or `proxy <spec> <upstream>`) on 127.0.0.1: Prism binds the
 * port itself, it is ready when it answers HTTP, and it exits with the process that started it.
 * @internal
 */
export async function launchPrism(
  args: string[],
  port: number,
  startTimeout: number,
  caller: string,
): Promise<{ url: string; process: ChildProcess }> {
  const prism = resolvePrism(caller);
  const child = spawn(
    process.execPath,
    ["--import", EXIT_WITH_PARENT, prism, ...args, "--host", "127.0.0.1", "--port", String(port)],
    { stdio: ["pipe", "pipe", "pipe"], env: { ...process.env, FORCE_COLOR: "0" } },
  );
  track(child);
  const deadline = Date.now() + startTimeout;
  try {
    const url = await waitForListening(child, deadline);
    await waitForHttp(url, child, deadline);
    return { url, process: child };
  } catch (error) {
    await stop(child);
    throw error;
  }
}

/** @internal */
export { stop as stopPrism };

/** Builds Prism's `Prefer` header (`code=404, example=notFound, dynamic=true`). */
export function preferHeader(options: PreferOptions): { Prefer: string } {
  const parts: string[] = [];
  if (options.code !== undefined) {
    if (!Number.isInteger(options.code) || options.code < 100 || options.code > 599) {
      throw new RangeError(`prefer: code must be an HTTP status from 100 to 599, got ${String(options.code)}`);
    }
    parts.push(`code=${options.code}`);
  }
  if (options.example !== undefined) {
    if (typeof options.example !== "string" || !/^[A-Za-z0-9_.-]+$/.test(options.example)) {
      throw new TypeError(
        `prefer: example must be an example name of letters, digits, "_", "." or "-", got ${JSON.stringify(options.example)}`,
      );
    }
    parts.push(`example=${options.example}`);
  }
  if (options.dynamic !== undefined) parts.push(`dynamic=${options.dynamic ? "true" : "false"}`);
  if (parts.length === 0) throw new TypeError("prefer: give at least one of code, example, dynamic");
  return { Prefer: parts.join(", ") };
}

// Process-wide on purpose: the Prism processes this process started, stopped by one exit hook
// however many mocks ran (a hook per mock would pile up listeners on `process`).
const running = new Set<ChildProcess>();
let exitHook = false;
/** Also stop Prism when this process exits normally without closing the mock. */
function track(child: ChildProcess): void {
  running.add(child);
  child.once("exit", () => running.delete(child));
  if (exitHook) return;
  exitHook = true;
  process.once("exit", () => {
    for (const c of running) c.kill("SIGKILL");
  });
}

function resolvePrism(caller: string): string {
  const require = createRequire(import.meta.url);
  try {
    const pkgPath = require.resolve("@stoplight/prism-cli/package.json");
    return pkgPath.replace(/package\.json$/, "dist/index.js");
  } catch {
    throw new Error(
      `${caller} needs Prism, an optional peer dependency of bsp-sdk: npm install --save-dev --save-exact @stoplight/prism-cli@5.14.2`,
    );
  }
}

function waitForListening(child: ChildProcess, deadline: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = "";
    const onData = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-4000);
      const found = LISTENING.exec(output);
      if (found?.[1]) finish(undefined, found[1]);
    };
    const onExit = (code: number | null) =>
      finish(new Error(`Prism exited (code ${code}) before listening:\n${output}`));
    const timer = setTimeout(
      () => finish(new Error(`Prism did not start listening in time:\n${output}`)),
      Math.max(0, deadline - Date.now()),
    );
    const finish = (error?: Error, url?: string) => {
      clearTimeout(timer);
      child.stdout?.off("data", onData);
      child.stderr?.off("data", onData);
      child.off("exit", onExit);
      // Keep draining Prism's output so a full pipe never blocks it.
      child.stdout?.resume();
      child.stderr?.resume();
      error || !url ? reject(error) : resolve(url);
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", onExit);
  });
}

/** Ready means answering HTTP: any response (Prism answers 404 for an unknown path) will do. */
async function waitForHttp(url: string, child: ChildProcess, deadline: number): Promise<void> {
  let last: unknown;
  for (let attempt = 0; attempt < 200 && Date.now() < deadline; attempt++) {
    if (child.exitCode !== null) throw new Error(`Prism exited (code ${child.exitCode}) before answering HTTP`);
    try {
      const res = await fetch(`${url}/__bsp_sdk_ready`, { signal: AbortSignal.timeout(1000) });
      await res.body?.cancel();
      return;
    } catch (error) {
      last = error;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  throw new Error(`Prism at ${url} did not answer HTTP in time: ${String(last)}`);
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
