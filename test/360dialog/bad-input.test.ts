import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDialog360Client, type Dialog360Client } from "../../src/360dialog/index.ts";
import { startChannelListServer } from "../support/channel-list-server.ts";

// Misuse is refused before anything is sent; IDs that are merely unusual are encoded, never routed.
let server: Awaited<ReturnType<typeof startChannelListServer>>;
let d360: Dialog360Client;
beforeAll(async () => {
  server = await startChannelListServer({ count: 10 });
  d360 = createDialog360Client({ partnerId: "examplePA", apiKey: "k-bad-input", baseUrl: server.url, retry: false });
});
afterAll(() => server.close());

describe("list parameters", () => {
  it.each([
    [
      { filters: { colour: "red" } },
      TypeError,
      /Unknown filters field "colour" for GET \/api\/v2\/partners\/\{partner_id\}\/channels/,
    ],
    [{ filters: { status: "sleeping" } }, TypeError, /filters.status must be one of "created"/],
    [{ filters: { "client.name": { $ne: "x" } } }, TypeError, /must be a string, number, boolean or null/],
    [{ filters: "status=ready" }, TypeError, /filters must be an object/],
    [{ sort: "colour" }, TypeError, /Unknown sort key "colour"/],
    [{ filters: { stauts: "ready" } }, TypeError, /Unknown filters field "stauts" .*\(did you mean "status"\?\)/],
    [{ sort: "-crated_at" }, TypeError, /Unknown sort key "-crated_at" .*\(did you mean "-created_at"\?\)/],
    [
      { sort: "zzzzzzzzzzzz" },
      TypeError,
      /Unknown sort key "zzzzzzzzzzzz" .*\. \d+ keys are known, such as (\w[\w.]*, ){7}\w[\w.]*\. Each/,
    ],
    [{ sort: ["-created_at", "-name"] }, TypeError, /Unknown sort key "-name"/],
    [{ pageSize: 0 }, RangeError, /pageSize must be an integer from 1 to 1000, got 0/],
    [{ pageSize: 1001 }, RangeError, /pageSize must be an integer from 1 to 1000/],
    [{ pageSize: 2.5 }, RangeError, /pageSize/],
    [{ offset: -1 }, RangeError, /offset must be an integer ≥ 0/],
    [{ maxItems: -5 }, RangeError, /maxItems/],
    [{ concurrency: 0 }, RangeError, /concurrency must be an integer from 1 to 16/],
    [{ concurrency: 64 }, RangeError, /concurrency/],
  ])("channels.list(%j) rejects the loop before any request", async (params, type, message) => {
    const before = server.requests.length;
    // list() itself is lazy; the parameters are checked when the loop starts, before its first request.
    const list = d360.channels.list(params as never);
    await expect(list.toArray()).rejects.toThrow(type);
    await expect(list.toArray()).rejects.toThrow(message);
    await expect(list.pages().next()).rejects.toThrow(type);
    expect(server.requests.length).toBe(before);
  });

  it("checks client filters against the client schema, not the channel one", async () => {
    await expect(d360.clients.list({ filters: { "client.name": "Acme" } as never }).toArray()).rejects.toThrow(
      /Unknown filters field "client.name"/,
    );
    // A client filter passes the checks and is sent (this server answers channel pages, so the
    // iteration then ends on the page's shape, which is not what this test is about).
    const before = server.requests.length;
    const outcome = await d360.clients
      .list({ filters: { "contact_info.country": "DE" } })
      .toArray()
      .catch((e: unknown) => e);
    expect(outcome).not.toBeInstanceOf(TypeError);
    expect(server.requests.length).toBe(before + 1);
  });

  it("checks the parameters as they were when list() was called", async () => {
    const params = { filters: { status: "ready" as const } };
    const list = d360.channels.list(params);
    (params.filters as Record<string, unknown>).colour = "red";
    await expect(list.toArray()).resolves.toBeDefined();
  });
});

describe("query parameters of direct calls", () => {
  it.each([
    [{ granularity: "WEEK" }, TypeError, /granularity must be one of "DAY", "MONTH", "day", "month"; got "WEEK"/],
    [
      { start_date: 1691625600.5 },
      TypeError,
      /start_date must be an integer \(within the safe range\), got 1691625600.5/,
    ],
    [{ end_date: -1 }, RangeError, /end_date must be from 0 to ∞, got -1/],
    [{ app_id: "138219" }, TypeError, /app_id must be an array/],
    [{ app_id: [138219] }, TypeError, /app_id must be a string, got 138219/],
    [{ appId: ["1"] }, TypeError, /has no query parameter "appId". Known: start_date, end_date, granularity, app_id/],
  ])("clients.getBalance(…, %j) rejects before any request", async (query, type, message) => {
    const before = server.requests.length;
    const call = d360.clients.getBalance({ clientId: "exampleCL" }, query as never);
    await expect(call).rejects.toThrow(type);
    await expect(d360.clients.getBalance({ clientId: "exampleCL" }, query as never)).rejects.toThrow(message);
    expect(server.requests.length).toBe(before);
  });
});

describe("balance granularity", () => {
  it.each([
    ["DAY", "day"],
    ["MONTH", "month"],
    ["day", "day"],
  ])("sends granularity %j as %j, the form the vendor's examples use", async (given, sent) => {
    const before = server.requests.length;
    await d360.clients.getBalance({ clientId: "exampleCL" }, { granularity: given as "DAY" });
    const request = server.requests[before];
    expect(request?.url.pathname).toMatch(/\/info\/balance$/);
    expect(request?.url.searchParams.getAll("granularity")).toEqual([sent]);
  });
});

describe("balance dates", () => {
  // Balance calls are paced at 5 per 30 s: these tests are about the query, not the pacing.
  const unpaced = () =>
    createDialog360Client({ partnerId: "examplePA", apiKey: "k-dates", baseUrl: server.url, rateLimit: false });
  it.each([
    [new Date("2023-08-10T00:00:00Z"), "1691625600"],
    [new Date("2023-08-10T00:00:00.999Z"), "1691625600"],
    ["2023-08-10", "1691625600"],
    ["2023-08-10T02:00:00+02:00", "1691625600"],
    [1691625600, "1691625600"],
  ])("sends start_date %j as UNIX seconds %s", async (given, sent) => {
    const before = server.requests.length;
    await unpaced().clients.getBalance({ clientId: "exampleCL" }, { start_date: given, end_date: given });
    const request = server.requests[before];
    expect(request?.url.searchParams.getAll("start_date")).toEqual([sent]);
    expect(request?.url.searchParams.getAll("end_date")).toEqual([sent]);
  });

  it.each([
    [
      1796603002364,
      RangeError,
      /start_date 1796603002364 is in milliseconds .*pass Math\.floor\(ms \/ 1000\), a Date or an ISO string/,
    ],
    [new Date("not a date"), RangeError, /start_date is an invalid Date/],
    ["10/08/2023", TypeError, /start_date must be a Date, an ISO 8601 date .* got "10\/08\/2023"/],
    ["1691625600", TypeError, /start_date must be a Date, an ISO 8601 date/],
    ["2023-02-30T25:00:00Z", TypeError, /start_date must be a Date, an ISO 8601 date/],
  ])("refuses start_date %j before any request", async (start_date, type, message) => {
    const before = server.requests.length;
    const call = unpaced().clients.getBalance({ clientId: "exampleCL" }, { start_date });
    await expect(call).rejects.toThrow(type);
    await expect(call).rejects.toThrow(message);
    expect(server.requests.length).toBe(before);
  });
});

describe("path parameters", () => {
  it.each([
    ["", /channelId must not be empty/],
    [".", /channelId must not be "."/],
    ["..", /channelId must not be ".."/],
    ["x".repeat(257), /channelId is 257 characters long/],
    ["a\nb", /control characters/],
    [42, /channelId must be a string, got number/],
    [undefined, /channelId must be a string, got undefined/],
    [null, /channelId must be a string, got null/],
  ])("refuses channelId %j before any request", async (channelId, message) => {
    const before = server.requests.length;
    await expect(d360.channels.createApiKey({ channelId: channelId as string })).rejects.toThrow(message);
    expect(server.requests.length).toBe(before);
  });

  it.each([
    ["a/b", "a%2Fb"],
    ["../../clients", "..%2F..%2Fclients"],
    ["x?y=1", "x%3Fy%3D1"],
    ["x#frag", "x%23frag"],
    ["ü ñ", "%C3%BC%20%C3%B1"],
  ])("encodes channelId %j as one path segment", async (channelId, encoded) => {
    await d360.channels.listBlockedUsers({ channelId });
    const last = server.requests.at(-1);
    expect(last?.url.pathname).toBe(`/api/v2/partners/examplePA/channels/${encoded}/block_users`);
    expect(last?.url.search).toBe("");
  });
});
