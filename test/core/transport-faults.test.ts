import { createServer } from "node:net";
import { inspect } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { createDialog360Client } from "../../src/360dialog/index.ts";
import { createBirdClient } from "../../src/bird/index.ts";
import { type AttemptLogLine, isBspError, MemoryRateLimitStore, type RequestLogLine } from "../../src/index.ts";
import { fakeFetch } from "../support/fake-fetch.ts";
import { sendJson, startHttpServer } from "../support/http-server.ts";

const KEY = "d360-key-RECOGNISABLE-7f3a9c";
const ok = {
  meta: { developer_message: "ok", http_code: 200, success: true },
  status_code: 200,
  data: { block_users: [] },
};
const servers: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});
// ky schedules retries on the platform's timers, not the client's injected clock: the tests here that
// cross a retry use a short backoff (backoffLimit 10–50 ms) or a real Retry-After of about a second,
// asserted only as a lower bound, so a slow machine cannot fail them.
async function server(handler: Parameters<typeof startHttpServer>[0]) {
  const s = await startHttpServer(handler);
  servers.push(s);
  return s;
}
const client = (baseUrl: string, extra: Record<string, unknown> = {}) =>
  createDialog360Client({
    partnerId: "examplePA",
    apiKey: KEY,
    baseUrl,
    retry: { limit: 2, backoffLimit: 50 },
    ...extra,
  });
const ref = { channelId: "exampleCH" };
const ids = { clientId: "exampleCL", channelId: "exampleCH" };

async function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

describe("transport faults", () => {
  it("retries a GET whose connection is reset, up to the limit", async () => {
    // A TCP server that resets every connection as soon as it is accepted.
    const sockets = createServer((socket) => socket.destroy()).listen(0, "127.0.0.1");
    await new Promise((r) => sockets.once("listening", r));
    servers.push({ close: () => new Promise((r) => sockets.close(() => r())) });
    let connections = 0;
    sockets.on("connection", () => connections++);
    const url = `http://127.0.0.1:${(sockets.address() as { port: number }).port}`;
    const get = await client(url).channels.listBlockedUsers(ref);
    expect(get.error).toMatchObject({ kind: "network", attempts: 3 });
    const before = connections;
    const post = await client(url).channels.createApiKey(ref);
    expect(post.error).toMatchObject({ kind: "network", attempts: 1 });
    expect(connections - before).toBe(1);
  });

  it("retries a POST whose connection was refused (nothing was sent)", async () => {
    const result = await client(`http://127.0.0.1:${await closedPort()}`).channels.reactivate(ids);
    expect(result.error).toMatchObject({ kind: "network", attempts: 3 });
    expect(result.error?.message).toContain("ECONNREFUSED");
  });

  it("never sends a POST twice after a timeout", async () => {
    const s = await server(() => {});
    const result = await client(s.url, { timeout: 80 }).channels.requestCancellation(ids);
    expect(result.error).toMatchObject({ kind: "timeout", attempts: 1 });
    expect(s.requests).toHaveLength(1);
  });

  it.each([
    ["Retry-After seconds", () => ({ "retry-after": "1" })],
    ["Retry-After HTTP-date", () => ({ "retry-after": new Date(Date.now() + 2000).toUTCString() })],
    ["RateLimit-Reset", () => ({ "ratelimit-reset": "1" })],
  ])("waits as a 429's %s asks, then succeeds", async (_name, headers) => {
    let n = 0;
    const times: number[] = [];
    const s = await server((_req, res) => {
      times.push(Date.now());
      if (n++ === 0)
        sendJson(res, 429, { meta: { developer_message: "slow down", http_code: 429, success: false } }, headers());
      else sendJson(res, 200, ok);
    });
    const result = await client(s.url).channels.listBlockedUsers(ref);
    expect(result.error).toBeUndefined();
    expect(s.requests).toHaveLength(2);
    expect((times[1] as number) - (times[0] as number)).toBeGreaterThanOrEqual(900);
  });

  it("retries a PUT through 502/503 with its body intact", async () => {
    let n = 0;
    const s = await server((req, res) => {
      if (n++ < 2)
        sendJson(res, n === 1 ? 502 : 503, { meta: { developer_message: "gateway", http_code: 502, success: false } });
      else
        sendJson(res, 200, {
          meta: { developer_message: "ok", http_code: 200, success: true },
          status_code: 200,
          echo: req.body,
        });
    });
    const result = await client(s.url).channels.updateDisplayName(ids, { name: "Acme Support" });
    expect(result.error).toBeUndefined();
    expect(s.requests.map((r) => r.body)).toEqual(Array(3).fill('{"name":"Acme Support"}'));
  });

  it("gives up at the total deadline across attempts", async () => {
    const { fetch, calls } = fakeFetch(() => "stall");
    const result = await client("http://127.0.0.1:9", {
      fetch,
      timeout: 100,
      totalTimeout: 250,
      retry: { limit: 10, backoffLimit: 10 },
    }).channels.listBlockedUsers(ref);
    expect(result.error?.kind).toBe("timeout");
    // Each attempt is counted, and none is made without the deadline leaving room for it (the
    // fake-clock test in lifecycle.test.ts checks the exact times).
    expect(calls).toHaveLength(result.error?.attempts ?? -1);
    expect(result.error?.attempts).toBeLessThan(10);
  });

  it("rejects with the caller's AbortError during a retry wait, sending nothing more", async () => {
    const s = await server((_req, res) =>
      sendJson(
        res,
        503,
        { meta: { developer_message: "busy", http_code: 503, success: false } },
        { "retry-after": "10" },
      ),
    );
    const controller = new AbortController();
    // Aborted once the first attempt's answer is in (its log line), i.e. during the 10 s retry wait.
    const logger = () => controller.abort();
    await expect(
      client(s.url, { logger }).channels.listBlockedUsers(ref, { signal: controller.signal }),
    ).rejects.toMatchObject({ name: "AbortError" });
    await new Promise((r) => setTimeout(r, 50));
    expect(s.requests).toHaveLength(1);
  });

  it("does not follow a redirect to another origin, so the credential never reaches it", async () => {
    const other = await server((_req, res) => sendJson(res, 200, ok));
    const s = await server((_req, res) => {
      res.writeHead(302, { location: `${other.url}/api/v2/partners/examplePA/channels/exampleCH/block_users` });
      res.end();
    });
    const result = await client(s.url).channels.listBlockedUsers(ref);
    expect(other.requests).toHaveLength(0);
    expect(result.error).toMatchObject({ kind: "network", attempts: 1 });
    expect(result.error?.message).toMatch(
      /redirected to another origin \(http:\/\/127\.0\.0\.1:\d+\), which is refused/,
    );
  });

  it("follows a same-origin redirect for a GET", async () => {
    const s = await server((req, res) => {
      if (req.url.pathname.endsWith("/block_users")) {
        res.writeHead(301, { location: "/moved" });
        res.end();
      } else sendJson(res, 200, ok);
    });
    const result = await client(s.url).channels.listBlockedUsers(ref);
    expect(result.error).toBeUndefined();
    expect(s.requests.map((r) => [r.url.pathname, r.headers["x-api-key"]])).toEqual([
      ["/api/v2/partners/examplePA/channels/exampleCH/block_users", KEY],
      ["/moved", KEY],
    ]);
  });
});

describe("client-side rate limiting from x-bsp-rate-limit", () => {
  it("paces generate-API-key calls per channel (1 per 30 s) and lets other channels through", async () => {
    const s = await server((_req, res) => sendJson(res, 200, { api_key: "new", app_id: "1", id: "1", address: "x" }));
    const store = new MemoryRateLimitStore();
    const d360 = client(s.url, { rateLimit: { store } });
    expect((await d360.channels.createApiKey({ channelId: "A" })).error).toBeUndefined();
    expect((await d360.channels.createApiKey({ channelId: "B" })).error).toBeUndefined();
    const controller = new AbortController();
    const queued = d360.channels.createApiKey({ channelId: "A" }, { signal: controller.signal });
    await new Promise((r) => setTimeout(r, 100));
    expect(s.requests).toHaveLength(2);
    controller.abort();
    await expect(queued).rejects.toMatchObject({ name: "AbortError" });
    expect(s.requests).toHaveLength(2);
  });

  it("lets 5 balance calls through per 30 s and queues the sixth; rateLimit: false turns it off", async () => {
    const s = await server((_req, res) => sendJson(res, 200, { balance: 0, currency: "eur", usage: [] }));
    const d360 = client(s.url);
    for (let i = 0; i < 5; i++) expect((await d360.clients.getBalance({ clientId: `c${i}` })).error).toBeUndefined();
    const controller = new AbortController();
    const sixth = d360.clients.getBalance({ clientId: "c5" }, undefined, { signal: controller.signal });
    await new Promise((r) => setTimeout(r, 100));
    expect(s.requests).toHaveLength(5);
    controller.abort();
    await expect(sixth).rejects.toMatchObject({ name: "AbortError" });
    const unpaced = client(s.url, { rateLimit: false });
    for (let i = 0; i < 7; i++) expect((await unpaced.clients.getBalance({ clientId: "c" })).error).toBeUndefined();
    expect(s.requests).toHaveLength(12);
  });
});

describe("logging and secrets", () => {
  it("logs one redacted line per attempt with the path template", async () => {
    let n = 0;
    const s = await server((_req, res) =>
      n++ === 0
        ? sendJson(res, 503, {
            meta: { developer_message: `bad ${KEY}`, http_code: 503, success: false, "360dialog_trace_id": "tr-1" },
          })
        : sendJson(res, 200, ok),
    );
    const lines: AttemptLogLine[] = [];
    await client(s.url, {
      logger: (l: RequestLogLine) => {
        if (l.event === undefined) lines.push(l);
      },
    }).channels.listBlockedUsers(ref);
    expect(lines.map(({ durationMs, ...rest }) => rest)).toEqual([
      {
        method: "GET",
        path: "/api/v2/partners/{partner_id}/channels/{channel_id}/block_users",
        attempt: 1,
        status: 503,
        traceId: "tr-1",
      },
      {
        method: "GET",
        path: "/api/v2/partners/{partner_id}/channels/{channel_id}/block_users",
        attempt: 2,
        status: 200,
      },
    ]);
    expect(lines.every((l) => typeof l.durationMs === "number")).toBe(true);
  });

  it("never shows a credential in any error kind, however it is rendered", async () => {
    const PASSWORD = "pw-RECOGNISABLE-5521";
    const ACCESS = "bird-RECOGNISABLE-0042";
    const echo = await server((req, res) => {
      const all = `${req.headers["x-api-key"] ?? ""} ${req.headers.authorization ?? ""} ${req.body}`;
      if (req.url.pathname === "/api/v2/token")
        return sendJson(res, 401, { meta: { developer_message: `bad login ${all}`, http_code: 401, success: false } });
      if (req.url.pathname.startsWith("/html/")) {
        res.writeHead(500, { "content-type": "text/html" });
        return res.end(`<p>${all}</p>`);
      }
      sendJson(res, 400, {
        meta: { developer_message: `rejected ${all}`, http_code: 400, success: false, "360dialog_trace_id": all },
        [all]: all,
      });
    });
    const stall = await server(() => {});
    const lines: RequestLogLine[] = [];
    const logger = (l: RequestLogLine) => lines.push(l);
    const errors: unknown[] = [];
    const byKey = client(echo.url, { logger });
    errors.push((await byKey.channels.createApiKey(ref)).error);
    errors.push(
      (
        await createDialog360Client({
          partnerId: "p",
          apiKey: KEY,
          baseUrl: `${echo.url}/html`,
          retry: false,
          logger,
        }).channels.createApiKey(ref)
      ).error,
    );
    errors.push(
      (
        await createDialog360Client({
          partnerId: "p",
          credentials: { username: "u@example.com", password: PASSWORD },
          baseUrl: echo.url,
          logger,
        }).channels.listBlockedUsers(ref)
      ).error,
    );
    errors.push(
      (await client(`http://127.0.0.1:${await closedPort()}`, { logger }).channels.listBlockedUsers(ref)).error,
    );
    errors.push((await client(stall.url, { logger, timeout: 50, retry: false }).channels.listBlockedUsers(ref)).error);
    const bird = createBirdClient({
      accessKey: ACCESS,
      workspaceId: "6f1c1f0e-5a4a-4b53-9a3c-6f0b7f4b1c2d",
      baseUrl: echo.url,
      retry: false,
      logger,
    });
    errors.push((await bird.channels.get({ channelId: "123e4567-e89b-12d3-a456-426614174000" })).error);
    const thrown = await bird.channels
      .list()
      .toArray()
      .catch((e: unknown) => e);
    expect(errors.map((e) => (e as { kind?: string } | undefined)?.kind)).toEqual([
      "api",
      "unexpected",
      "api",
      "network",
      "timeout",
      "unexpected",
    ]);
    const renderings = [...errors, thrown, ...lines].flatMap((v) => [
      String(v),
      JSON.stringify(v),
      inspect(v, { depth: 10, showHidden: true }),
      (v as { message?: string })?.message ?? "",
    ]);
    expect(isBspError(thrown)).toBe(true);
    for (const secret of [KEY, PASSWORD, ACCESS]) {
      for (const text of renderings) expect(text).not.toContain(secret);
    }
    // One line per attempt: 1 + 1 + 1 (token request) + 3 (refused, retried) + 1 + 1 + 1; and one
    // before each of the two retries' waits.
    expect(lines.filter((l) => (l as { event?: string }).event === undefined)).toHaveLength(9);
    expect(lines.filter((l) => (l as { event?: string }).event === "retry_wait")).toMatchObject([
      { method: "GET", reason: "backoff", attempt: 2 },
      { method: "GET", reason: "backoff", attempt: 3 },
    ]);
    expect(lines).toHaveLength(11);
  });
});
