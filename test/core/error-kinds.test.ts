import { createServer } from "node:net";
import { inspect } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { createDialog360Client } from "../../src/360dialog/index.ts";
import { BspError, isBspError, unwrap } from "../../src/index.ts";
import { fakeFetch } from "../support/fake-fetch.ts";
import { sendJson, startHttpServer } from "../support/http-server.ts";

const KEY = "sk-live-RECOGNISABLE-0123456789";
const servers: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function faultServer(
  handler: Parameters<typeof startHttpServer>[0],
  options: { timeout?: number; retry?: false | { limit: number }; rateLimit?: false } = {},
) {
  const server = await startHttpServer(handler);
  servers.push(server);
  const d360 = createDialog360Client({ partnerId: "examplePA", apiKey: KEY, baseUrl: server.url, ...options });
  return { server, d360 };
}

function renderings(value: unknown): string[] {
  return [
    String(value),
    JSON.stringify(value),
    inspect(value, { depth: 10 }),
    (value as { message?: string }).message ?? "",
  ];
}

const ref = { channelId: "exampleCH" };

describe("error kinds", () => {
  it("maps an HTML error page on a declared status to unexpected with the raw text", async () => {
    const { d360 } = await faultServer(
      (_req, res) => {
        res.writeHead(502, { "content-type": "text/html" });
        res.end("<html><body><h1>502 Bad Gateway</h1></body></html>");
      },
      { retry: false },
    );
    const result = await d360.channels.listBlockedUsers(ref);
    expect(result.error).toMatchObject({ kind: "unexpected", status: 502, body: undefined });
    if (result.error?.kind !== "unexpected") return;
    expect(result.error.rawBody).toContain("502 Bad Gateway");
    expect(result.error.message).toMatch(
      /failed with 502 Bad Gateway: the body is an HTML page \(text\/html\), not JSON/,
    );
  });

  it("maps malformed JSON in a 200 to unexpected, keeping the text", async () => {
    const { d360 } = await faultServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end('{"api_key": "abc"');
    });
    const result = await d360.channels.createApiKey(ref);
    expect(result.error).toMatchObject({ kind: "unexpected", status: 200, rawBody: '{"api_key": "abc"' });
    expect(result.error?.message).toMatch(/answered 200 but the body is not valid JSON/);
  });

  it("maps an empty 200 where JSON is promised to unexpected", async () => {
    const { d360 } = await faultServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/json", "content-length": "0" });
      res.end();
    });
    const result = await d360.channels.createApiKey(ref);
    expect(result.error).toMatchObject({ kind: "unexpected", status: 200, rawBody: "" });
    expect(result.error?.message).toMatch(/the body is empty where JSON was expected/);
  });

  it("maps a status the operation does not declare to unexpected, keeping a JSON body", async () => {
    const { d360 } = await faultServer((_req, res) =>
      sendJson(res, 418, { meta: { developer_message: "teapot", http_code: 418, success: false } }),
    );
    const result = await d360.channels.createApiKey(ref);
    expect(result.error).toMatchObject({
      kind: "unexpected",
      status: 418,
      body: { meta: { developer_message: "teapot" } },
    });
    expect(result.error?.message).toMatch(/418.*teapot.*not declared/);
  });

  it("reads developer_message and the trace id into the message", async () => {
    const { d360, server } = await faultServer((_req, res) =>
      sendJson(res, 404, {
        meta: {
          developer_message: "Channel not found",
          http_code: 404,
          success: false,
          "360dialog_trace_id": "abc-123",
        },
      }),
    );
    const result = await d360.channels.createApiKey(ref);
    expect(result.error).toMatchObject({ kind: "api", status: 404, traceId: "abc-123", attempts: 1 });
    expect(result.error?.message).toBe(
      `POST ${server.url}/api/v2/partners/examplePA/channels/exampleCH/api_keys failed with 404 Not Found: Channel not found (trace id abc-123)`,
    );
  });

  it("reads a camelCase body's message and trace id, but it is not the declared body: unexpected", async () => {
    const { d360 } = await faultServer((_req, res) =>
      sendJson(res, 404, {
        meta: { developerMessage: "Channel not found", httpCode: 404, success: false, "360dialog_trace_id": "abc-123" },
      }),
    );
    const result = await d360.channels.createApiKey(ref);
    expect(result.error).toMatchObject({ kind: "unexpected", status: 404, traceId: "abc-123", attempts: 1 });
    expect(result.error?.message).toMatch(
      /failed with 404 Not Found: Channel not found \(trace id abc-123\) \[body is not the declared error body: \/meta\/developer_message: must have the required property "developer_message"\]/,
    );
  });

  it("maps a refused connection to network", async () => {
    const port = await new Promise<number>((resolve) => {
      const s = createServer().listen(0, "127.0.0.1", () => {
        const p = (s.address() as { port: number }).port;
        s.close(() => resolve(p));
      });
    });
    const d360 = createDialog360Client({
      partnerId: "examplePA",
      apiKey: KEY,
      baseUrl: `http://127.0.0.1:${port}`,
      retry: false,
    });
    const result = await d360.channels.listBlockedUsers(ref);
    expect(result.error).toMatchObject({ kind: "network", attempts: 1 });
    expect(result.error?.message).toMatch(/failed without a response: .*ECONNREFUSED/);
    expect(result.response).toBeUndefined();
  });

  it("maps a stalled answer to timeout after each attempt's timeout", async () => {
    // An injected fetch that never answers (it ends only when the attempt is aborted): the outcome
    // cannot depend on how fast the machine is, unlike a server that must first see each request.
    const { fetch, calls } = fakeFetch(() => "stall");
    const d360 = createDialog360Client({
      partnerId: "examplePA",
      apiKey: KEY,
      baseUrl: "http://127.0.0.1:9",
      fetch,
      timeout: 50,
      retry: { limit: 1, backoffLimit: 1 },
    });
    const result = await d360.channels.listBlockedUsers(ref);
    expect(result.error).toMatchObject({ kind: "timeout", timeoutMs: 50, attempts: 2 });
    expect(calls).toHaveLength(2);
  });

  it("retries a GET through 503s and returns the final success", async () => {
    let n = 0;
    const { d360, server } = await faultServer((_req, res) =>
      ++n <= 2
        ? sendJson(
            res,
            503,
            { meta: { developer_message: "busy", http_code: 503, success: false } },
            { "retry-after": "0" },
          )
        : sendJson(res, 200, {
            status_code: 200,
            meta: { developer_message: "", http_code: 200, success: true },
            data: { block_users: [] },
          }),
    );
    const result = await d360.channels.listBlockedUsers(ref);
    expect(result.error).toBeUndefined();
    expect(server.requests).toHaveLength(3);
  });

  it("never retries a POST that failed with 500, and reports the attempts of a GET that kept failing", async () => {
    const { d360, server } = await faultServer((_req, res) =>
      sendJson(
        res,
        500,
        { meta: { developer_message: "boom", http_code: 500, success: false } },
        { "retry-after": "0" },
      ),
    );
    const post = await d360.channels.createApiKey(ref);
    expect(post.error).toMatchObject({ kind: "api", status: 500, attempts: 1 });
    expect(server.requests.filter((r) => r.method === "POST")).toHaveLength(1);
    const get = await d360.channels.listBlockedUsers(ref);
    expect(get.error).toMatchObject({ kind: "api", status: 500, attempts: 3 });
    expect(get.error?.message).toMatch(/after 3 attempts/);
  });

  it("retries a POST answered 429 (refused before processing) and gives retryAfterMs when giving up", async () => {
    const { d360, server } = await faultServer(
      (_req, res) =>
        sendJson(
          res,
          429,
          { meta: { developer_message: "slow down", http_code: 429, success: false } },
          { "retry-after": "0" },
        ),
      // Pacing off: this test is about the retry rule, and pacing would rightly hold each retry of
      // this 1-per-30-s operation for 30 s.
      { rateLimit: false },
    );
    const result = await d360.channels.createApiKey(ref);
    expect(result.error).toMatchObject({ kind: "api", status: 429, attempts: 3, retryAfterMs: 0 });
    expect(server.requests).toHaveLength(3);
  });

  it("gives up at once when Retry-After is beyond the cap", async () => {
    const { d360, server } = await faultServer((_req, res) =>
      sendJson(
        res,
        429,
        { meta: { developer_message: "later", http_code: 429, success: false } },
        { "retry-after": "3600" },
      ),
    );
    const result = await d360.channels.createApiKey(ref);
    expect(result.error).toMatchObject({ kind: "api", status: 429, retryAfterMs: 3_600_000, attempts: 1 });
    expect(server.requests).toHaveLength(1);
  });
});

describe("credentials never leak", () => {
  it("keeps the API key out of messages, String, JSON and inspect, even when the server echoes it", async () => {
    const { d360 } = await faultServer((req, res) =>
      sendJson(res, 400, {
        meta: {
          developer_message: `Invalid key ${req.headers["x-api-key"]} (${encodeURIComponent(String(req.headers["x-api-key"]))})`,
          http_code: 400,
          success: false,
          "360dialog_trace_id": `${req.headers["x-api-key"]}`,
        },
      }),
    );
    const result = await d360.channels.createApiKey(ref);
    expect(result.error?.kind).toBe("api");
    const thrown = (() => {
      try {
        unwrap(result);
      } catch (error) {
        return error;
      }
    })();
    expect(isBspError(thrown)).toBe(true);
    expect(thrown).toBeInstanceOf(BspError);
    for (const text of [
      ...renderings(result.error),
      ...renderings(thrown),
      inspect(d360, { depth: 6 }),
      JSON.stringify(d360),
    ]) {
      expect(text).not.toContain(KEY);
      expect(text).not.toContain(encodeURIComponent(KEY));
    }
    expect(result.error?.message).toContain("[REDACTED]");
  });
});

describe("isBspError", () => {
  it("recognises a BspError from another copy of the class and refuses look-alikes", () => {
    const foreign = Object.assign(new Error("x"), { [Symbol.for("bsp-sdk.BspError")]: true });
    expect(isBspError(new BspError({ kind: "network", message: "m", attempts: 1 }))).toBe(true);
    expect(isBspError(foreign)).toBe(true);
    expect(isBspError(new Error("BspError"))).toBe(false);
    expect(isBspError({ name: "BspError", error: {} })).toBe(false);
    expect(isBspError(null)).toBe(false);
  });
});
