import { afterEach, describe, expect, it } from "vitest";
import { createDialog360Client } from "../../src/360dialog/index.ts";
import { fakeClock } from "../support/fake-clock.ts";
import { sendJson, startHttpServer } from "../support/http-server.ts";

const servers: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

const USER = "partner@example.com";
const PASSWORD = "correct-horse-battery";

/** POST /api/v2/token issues tok-1, tok-2…; other routes accept only tokens still in `valid`. */
async function tokenServer(options: { expiresIn?: number; jwtExpSeconds?: number; latencyMs?: number } = {}) {
  let issued = 0;
  const valid = new Set<string>();
  const server = await startHttpServer(async (req, res) => {
    if (req.url.pathname === "/api/v2/token") {
      if (options.latencyMs) await new Promise((r) => setTimeout(r, options.latencyMs));
      const { username, password } = JSON.parse(req.body || "{}");
      if (username !== USER || password !== PASSWORD) {
        sendJson(res, 401, {
          meta: {
            success: false,
            http_code: 401,
            developer_message: "Invalid credentials",
            "360dialog_trace_id": "t-401",
          },
        });
        return;
      }
      issued += 1;
      let token = `tok-${issued}`;
      if (options.jwtExpSeconds !== undefined) {
        const payload = btoa(
          JSON.stringify({ exp: Math.floor(Date.now() / 1000) + options.jwtExpSeconds, n: issued }),
        ).replace(/=+$/, "");
        token = `eyJhbGciOiJub25lIn0.${payload}.sig${issued}`;
      }
      valid.add(token);
      sendJson(res, 200, {
        access_token: token,
        token_type: "Bearer",
        ...(options.expiresIn !== undefined ? { expires_in: options.expiresIn } : {}),
      });
      return;
    }
    const token = req.headers.authorization?.replace(/^Bearer /, "") ?? "";
    if (!valid.has(token)) {
      sendJson(res, 401, { meta: { success: false, http_code: 401, developer_message: "Token expired" } });
      return;
    }
    sendJson(res, 200, {
      meta: { success: true, http_code: 200, developer_message: "ok" },
      status_code: 200,
      data: { block_users: [] },
    });
  });
  servers.push(server);
  // Token expiry is read from an injected clock: the tests move time, not the machine's speed.
  const clock = fakeClock(Date.now());
  const client = (password = PASSWORD) =>
    createDialog360Client({
      partnerId: "examplePA",
      credentials: { username: USER, password },
      baseUrl: server.url,
      retry: false,
      clock,
    });
  const tokenRequests = () => server.requests.filter((r) => r.url.pathname === "/api/v2/token").length;
  return { server, valid, client, tokenRequests, clock };
}

const ref = { channelId: "exampleCH" };

describe("bearer authentication with username and password", () => {
  it("requests one token and reuses it", async () => {
    const { client, tokenRequests, server } = await tokenServer({ expiresIn: 3600 });
    const d360 = client();
    for (let i = 0; i < 3; i++) expect((await d360.channels.listBlockedUsers(ref)).error).toBeUndefined();
    expect(tokenRequests()).toBe(1);
    expect(server.requests.filter((r) => r.headers.authorization === "Bearer tok-1")).toHaveLength(3);
  });

  it("shares one token request between concurrent calls", async () => {
    const { client, tokenRequests } = await tokenServer({ expiresIn: 3600, latencyMs: 30 });
    const d360 = client();
    const results = await Promise.all(Array.from({ length: 10 }, () => d360.channels.listBlockedUsers(ref)));
    expect(results.every((r) => r.error === undefined)).toBe(true);
    expect(tokenRequests()).toBe(1);
  });

  it("refreshes a token shortly before expires_in runs out", async () => {
    const { client, tokenRequests, clock } = await tokenServer({ expiresIn: 1 });
    const d360 = client();
    await d360.channels.listBlockedUsers(ref);
    await d360.channels.listBlockedUsers(ref);
    expect(tokenRequests()).toBe(1);
    // expires_in 1 s: refreshed from 0.9 s on (a tenth of the lifetime before it ends).
    clock.jump(899);
    await d360.channels.listBlockedUsers(ref);
    expect(tokenRequests()).toBe(1);
    clock.jump(51);
    expect((await d360.channels.listBlockedUsers(ref)).error).toBeUndefined();
    expect(tokenRequests()).toBe(2);
  });

  it("reads the expiry from the JWT's exp when expires_in is missing", async () => {
    const { client, tokenRequests, clock } = await tokenServer({ jwtExpSeconds: 1 });
    const d360 = client();
    await d360.channels.listBlockedUsers(ref);
    expect(tokenRequests()).toBe(1);
    clock.jump(1100);
    await d360.channels.listBlockedUsers(ref);
    expect(tokenRequests()).toBe(2);
  });

  it("on a 401, refreshes the token and replays the call once", async () => {
    const { client, valid, server, tokenRequests } = await tokenServer({ expiresIn: 3600 });
    const d360 = client();
    await d360.channels.listBlockedUsers(ref);
    valid.clear();
    const result = await d360.channels.listBlockedUsers(ref);
    expect(result.error).toBeUndefined();
    expect(tokenRequests()).toBe(2);
    expect(server.requests.map((r) => `${r.url.pathname.split("/").pop()} ${r.headers.authorization ?? ""}`)).toEqual([
      "token ",
      "block_users Bearer tok-1",
      "block_users Bearer tok-1",
      "token ",
      "block_users Bearer tok-2",
    ]);
  });

  it("replays at most once when every token is refused", async () => {
    const { client, valid, server } = await tokenServer({ expiresIn: 3600 });
    const d360 = client();
    const original = valid.add.bind(valid);
    valid.add = (v: string) => (v === "tok-1" ? original(v) : valid);
    await d360.channels.listBlockedUsers(ref);
    valid.clear();
    const result = await d360.channels.listBlockedUsers(ref);
    expect(result.error).toMatchObject({ kind: "api", status: 401 });
    expect(server.requests).toHaveLength(5);
  });

  it("reports wrong credentials as kind api, status 401, without sending the call or leaking the password", async () => {
    const { client, server } = await tokenServer();
    const result = await client("wrong-password-123").channels.createApiKey(ref);
    expect(result.error).toMatchObject({ kind: "api", status: 401, traceId: "t-401" });
    expect(result.error?.message).toMatch(
      /was not sent: authentication failed at POST \/api\/v2\/token, which failed with 401/,
    );
    expect(result.error?.message).toContain("Invalid credentials");
    expect(JSON.stringify(result.error)).not.toContain("wrong-password-123");
    expect(server.requests.map((r) => r.url.pathname)).toEqual(["/api/v2/token"]);
  });
});

describe("client construction", () => {
  it.each([
    [{ partnerId: "p" }, /exactly one of apiKey or credentials/],
    [
      { partnerId: "p", apiKey: "k", credentials: { username: "u", password: "p" } },
      /exactly one of apiKey or credentials/,
    ],
    [{ partnerId: "p", apiKey: "" }, /apiKey is required; it is an empty string/],
    [{ partnerId: "p", apiKey: undefined }, /environment variable set/],
    [{ partnerId: "p", apiKey: "key with space" }, /apiKey contains whitespace/],
    [{ partnerId: "p", apiKey: "key-with-newline\n" }, /apiKey contains a control character/],
    [{ partnerId: "p", credentials: { username: "u", password: "" } }, /credentials.password is required/],
    [{ partnerId: "p", apiKey: "k", baseUrl: "https://hub.example.com/?x=1" }, /query or a fragment/],
    [{ partnerId: "p", apiKey: "k", baseUrl: "https://user:hunter2@hub.example.com" }, /must not contain credentials/],
    [{ partnerId: "", apiKey: "k" }, /partnerId is required/],
    [
      { partnerId: undefined, apiKey: "k" },
      /partnerId is required; it is undefined \(is its environment variable set\?\)/,
    ],
    [{ partnerId: "pa 1", apiKey: "k" }, /partnerId contains whitespace/],
    [{ partnerId: "pa/1", apiKey: "k" }, /partnerId "pa\/1" is not an ID/],
    [{ partnerId: "..", apiKey: "k" }, /partnerId "\.\." is not an ID/],
    [{ partnerId: "p", apiKey: "k", baseUrl: "http://hub.example.com" }, /clear text/],
    [{ partnerId: "p", apiKey: "k", baseUrl: "not a url" }, /not an absolute URL/],
    [{ partnerId: "p", apiKey: "k", timeout: 0 }, /timeout must be a positive number/],
    [{ partnerId: "p", apiKey: "k", retry: { limit: 100 } }, /retry.limit/],
  ])("refuses %j", (options, message) => {
    expect(() => createDialog360Client(options as never)).toThrow(message);
  });

  it("allows http on loopback, and elsewhere only when asked", () => {
    expect(() =>
      createDialog360Client({ partnerId: "p", apiKey: "k", baseUrl: "http://127.0.0.1:4010" }),
    ).not.toThrow();
    expect(() =>
      createDialog360Client({ partnerId: "p", apiKey: "k", baseUrl: "http://hub.internal", allowInsecureHttp: true }),
    ).not.toThrow();
  });
});
