import { execFileSync, spawn } from "node:child_process";
import { once } from "node:events";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT } from "../../scripts/providers.ts";
import { createDialog360Client } from "../../src/360dialog/index.ts";
import { type MockServer, preferHeader, startMockServer } from "../../src/testing/start-mock-server.ts";

const started: MockServer[] = [];
afterAll(() => Promise.all(started.map((m) => m.close())));

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe("startMockServer", () => {
  it("starts several mocks at once on distinct ports, each answering HTTP when returned", async () => {
    const mocks = await Promise.all([startMockServer("bird"), startMockServer("bird"), startMockServer("360dialog")]);
    started.push(...mocks);
    expect(new Set(mocks.map((m) => m.url)).size).toBe(3);
    for (const mock of mocks) {
      expect(mock.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const res = await fetch(`${mock.url}/nothing-here`);
      expect(res.status).toBe(404);
      await res.body?.cancel();
    }
    const first = mocks[0];
    await Promise.all([first.close(), first.close()]);
    await first.close();
    await expect(fetch(`${first.url}/nothing-here`)).rejects.toThrow();
  }, 60_000);

  it("gives client options with pacing off and a Prefer header for declared answers", async () => {
    const mock = await startMockServer("360dialog");
    started.push(mock);
    expect(mock.clientOptions).toEqual({ baseUrl: mock.url, rateLimit: false });
    const d360 = createDialog360Client({ partnerId: "examplePA", apiKey: "k-mock-test", ...mock.clientOptions });
    // Generating a key is paced at 1 per 30 s per channel; against the mock the second call does not wait.
    const ref = { channelId: "exampleCH" };
    const waits: number[] = [];
    const paced = createDialog360Client({
      partnerId: "examplePA",
      apiKey: "k-mock-test",
      baseUrl: mock.url,
      rateLimit: { maxWait: 0, onRateLimit: (w) => waits.push(w.waitMs) },
    });
    expect((await paced.channels.createApiKey(ref)).error).toBeUndefined();
    expect((await paced.channels.createApiKey(ref)).error).toMatchObject({ kind: "rate_limited" });
    expect((await d360.channels.createApiKey(ref)).error).toBeUndefined();
    expect((await d360.channels.createApiKey(ref)).error).toBeUndefined();

    const notFound = await d360.channels.createApiKey(ref, { headers: mock.prefer({ code: 404 }) });
    expect(notFound.error).toMatchObject({ kind: "api", status: 404 });
  }, 60_000);

  it("builds the Prefer header and refuses what Prism would misread", () => {
    expect(preferHeader({ code: 429 })).toEqual({ Prefer: "code=429" });
    expect(preferHeader({ code: 200, example: "ready-channel", dynamic: false })).toEqual({
      Prefer: "code=200, example=ready-channel, dynamic=false",
    });
    expect(() => preferHeader({ code: 42 })).toThrow(/code must be an HTTP status/);
    expect(() => preferHeader({ example: "a, code=500" })).toThrow(/example must be an example name/);
    expect(() => preferHeader({})).toThrow(/at least one/);
  });

  it("does not outlive the process that started it, even when that process is killed", async () => {
    const parent = spawn(process.execPath, [new URL("./mock-parent.ts", import.meta.url).pathname], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    const [line] = (await once(parent.stdout, "data")) as [Buffer];
    const { url, pid } = JSON.parse(line.toString()) as { url: string; pid: number };
    const prismPid = Number(
      execFileSync("pgrep", ["-P", String(pid)])
        .toString()
        .trim()
        .split("\n")[0],
    );
    expect(alive(prismPid)).toBe(true);
    const ok = await fetch(`${url}/nothing-here`);
    await ok.body?.cancel();
    parent.kill("SIGKILL");
    await once(parent, "exit");
    // Prism notices its standard input closing and exits; poll a bounded number of times for that event.
    for (let i = 0; i < 400 && alive(prismPid); i++) await new Promise((r) => setTimeout(r, 50));
    expect(alive(prismPid)).toBe(false);
  }, 60_000);

  it("refuses a port out of range before starting anything", async () => {
    await expect(startMockServer("bird", { port: 70000 })).rejects.toThrow(/port must be an integer from 0 to 65535/);
  });
});

describe("the mock's dynamic mode", () => {
  it("mock.prefer({ dynamic: true }) makes pages the paginator accepts, to the last one", async () => {
    const mock = await startMockServer("360dialog");
    started.push(mock);
    const d360 = createDialog360Client({ partnerId: "examplePA", apiKey: "k-dynamic", ...mock.clientOptions });
    // Each page is invented from the schema (an empty list now and then); counts and offsets are never
    // negative, so no run throws, and the runs page through what they get.
    let pages = 0;
    for (let run = 0; run < 10; run += 1) {
      for await (const page of d360.channels.list({ pageSize: 3, headers: mock.prefer({ dynamic: true }) }).pages()) {
        expect(page.total).toBeGreaterThanOrEqual(0);
        pages += 1;
        if (pages % 20 === 0) break;
      }
    }
    expect(pages).toBeGreaterThan(0);
  }, 60_000);

  it("answers like the API without dynamic mode: the documented examples, not placeholders", async () => {
    const mock = await startMockServer("360dialog");
    started.push(mock);
    const d360 = createDialog360Client({ partnerId: "examplePA", apiKey: "k-static", ...mock.clientOptions });
    const balance = await d360.clients.getBalance({ clientId: "exampleCL" });
    expect(balance.data).toMatchObject({ balance: 50, currency: "eur" });
    const missing = await d360.channels.createApiKey(
      { channelId: "exampleCH" },
      { headers: mock.prefer({ code: 404 }) },
    );
    expect(missing.error?.message).toMatch(
      /^POST http:\/\/127\.0\.0\.1:\d+\/api\/v2\/partners\/examplePA\/channels\/exampleCH\/api_keys failed with 404 Not Found: The requested resource was not found \(trace id 6b1e4a3c9d5f4a71c8b9d0e1f2a3b4c5\)$/,
    );
    const limited = await d360.channels.createApiKey(
      { channelId: "exampleCH" },
      { headers: mock.prefer({ code: 429 }), retry: false },
    );
    expect(limited.error).toMatchObject({ kind: "api", status: 429, retryAfterMs: 30_000 });
  }, 60_000);
});

describe("npx bsp-sdk mock", () => {
  it("serves the provider's bundle until stopped, and says where", async () => {
    const cli = spawn(process.execPath, [`${ROOT}dist/src/cli.js`, "mock", "bird", "--port", "0"], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    try {
      let out = "";
      cli.stdout.setEncoding("utf8");
      const url = await new Promise<string>((resolve, reject) => {
        cli.stdout.on("data", (chunk: string) => {
          out += chunk;
          const match = /at (http:\/\/127\.0\.0\.1:\d+)\./.exec(out);
          if (match) resolve(match[1] as string);
        });
        cli.once("exit", (code) => reject(new Error(`the mock command exited with ${code}: ${out}`)));
      });
      const res = await fetch(`${url}/workspaces/6f1c1f0e-5a4a-4b53-9a3c-6f0b7f4b1c2d/channels`, {
        headers: { Authorization: "AccessKey test" },
      });
      expect(res.status).toBe(200);
      expect(((await res.json()) as { results: unknown[] }).results.length).toBeGreaterThan(0);
    } finally {
      const exited = once(cli, "exit");
      cli.kill("SIGINT");
      await exited;
    }
  }, 60_000);

  it("refuses an unknown provider with its usage", () => {
    let status: number | null = null;
    let stderr = "";
    try {
      execFileSync(process.execPath, [`${ROOT}dist/src/cli.js`, "mock", "nope"], { stdio: "pipe" });
    } catch (error) {
      ({ status } = error as { status: number });
      stderr = String((error as { stderr: Buffer }).stderr);
    }
    expect(status).toBe(2);
    expect(stderr).toContain("bsp-sdk mock <360dialog|bird> [--port <port>]");
  });
});
