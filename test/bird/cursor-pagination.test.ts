import { afterEach, describe, expect, it } from "vitest";
import { createBirdClient } from "../../src/bird/index.ts";
import { isBspError } from "../../src/index.ts";
import { sendJson, startHttpServer } from "../support/http-server.ts";

const WS = "6f1c1f0e-5a4a-4b53-9a3c-6f0b7f4b1c2d";
const servers: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

type Mode = "normal" | "repeat-token" | "repeat-page";

/** Bird-shaped channel list: tokens are opaque cursors ("c" + base64 offset), `reverse` flips order. */
async function birdServer(count: number, mode: Mode = "normal", latencyMs = 0) {
  const all = Array.from({ length: count }, (_, i) => ({
    id: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
    platformId: "whatsapp",
    name: `channel ${i}`,
    connectorId: "00000000-0000-4000-8000-000000000000",
    status: i % 3 === 0 ? "active" : "inactive",
    createdAt: "2024-11-21T08:56:12.986Z",
  }));
  const server = await startHttpServer(async (req, res) => {
    if (latencyMs) await new Promise((r) => setTimeout(r, latencyMs));
    const q = req.url.searchParams;
    const limit = Number(q.get("limit") ?? 10);
    const token = q.get("pageToken");
    let offset = token ? Number(atob(token.slice(1))) : 0;
    if (mode === "repeat-page" && offset >= limit * 2) offset = limit;
    let list = q.get("status") ? all.filter((c) => c.status === q.get("status")) : all;
    if (q.get("reverse") === "true") list = [...list].reverse();
    const results = list.slice(offset, offset + limit);
    const nextOffset = offset + limit;
    let nextPageToken = nextOffset < list.length ? `c${btoa(String(nextOffset))}` : undefined;
    if (mode === "repeat-token" && offset >= limit) nextPageToken = `c${btoa(String(limit))}`;
    sendJson(res, 200, { results, ...(nextPageToken ? { nextPageToken } : {}) });
  });
  servers.push(server);
  const bird = createBirdClient({ accessKey: "bird-key-123456", workspaceId: WS, baseUrl: server.url, retry: false });
  return { server, bird, all };
}

describe("Bird cursor pagination", () => {
  it("yields every channel exactly once and in order, following nextPageToken", async () => {
    const { bird, server, all } = await birdServer(357);
    const ids = [];
    for await (const c of bird.channels.list({ pageSize: 25 })) ids.push(c.id);
    expect(ids).toEqual(all.map((c) => c.id));
    expect(server.requests).toHaveLength(15);
    expect(server.requests[0]?.url.searchParams.has("pageToken")).toBe(false);
    expect(server.requests[1]?.url.searchParams.get("pageToken")).toBe(`c${btoa("25")}`);
    expect(server.requests.every((r) => r.headers.authorization === "AccessKey bird-key-123456")).toBe(true);
  });

  it("passes reverse and the status filter through", async () => {
    const { bird, server, all } = await birdServer(300);
    const channels = await bird.channels.list({ pageSize: 50, reverse: true, status: "active" }).toArray();
    expect(channels.map((c) => c.id)).toEqual(
      all
        .filter((c) => c.status === "active")
        .reverse()
        .map((c) => c.id),
    );
    expect(server.requests[0]?.url.searchParams.get("reverse")).toBe("true");
    expect(server.requests[0]?.url.searchParams.get("status")).toBe("active");
  });

  it("is lazy and sends nothing more after a break", async () => {
    const { bird, server } = await birdServer(300);
    const list = bird.channels.list({ pageSize: 20 });
    expect(server.requests).toHaveLength(0);
    let n = 0;
    for await (const _ of list) if (++n === 30) break;
    await new Promise((r) => setTimeout(r, 20));
    expect(server.requests).toHaveLength(2);
  });

  it("stops at maxItems, asking only for what it needs", async () => {
    const { bird, server } = await birdServer(300);
    expect(await bird.channels.list({ pageSize: 40, maxItems: 50 }).toArray()).toHaveLength(50);
    expect(server.requests.map((r) => r.url.searchParams.get("limit"))).toEqual(["40", "10"]);
  });

  it("ends with a clear error when the server hands out the same token twice", async () => {
    const { bird, server } = await birdServer(300, "repeat-token");
    const error = await bird.channels
      .list({ pageSize: 10 })
      .toArray()
      .catch((e: unknown) => e);
    expect(isBspError(error)).toBe(true);
    expect(isBspError(error) && error.error.kind).toBe("unexpected");
    expect((error as Error).message).toMatch(/returned page token "c\S+" a second time; stopping instead of looping/);
    // Page 1 hands out c10; page 2 (c10) hands out c10 again: the second request is the last.
    expect(server.requests.map((r) => r.url.searchParams.get("pageToken"))).toEqual([null, `c${btoa("10")}`]);
  });

  it("ends with a clear error when a page repeats the previous one", async () => {
    const { bird, server } = await birdServer(300, "repeat-page");
    const error = await bird.channels
      .list({ pageSize: 10 })
      .toArray()
      .catch((e: unknown) => e);
    expect(isBspError(error) && error.error.kind).toBe("unexpected");
    expect((error as Error).message).toMatch(/returned the same page twice/);
    // Page 3 (c20) answers page 2's items again: the third request is the last.
    expect(server.requests).toHaveLength(3);
  });

  it("rejects with the caller's AbortError when aborted mid-iteration", async () => {
    const { bird, server } = await birdServer(300, "normal", 5);
    const controller = new AbortController();
    let n = 0;
    const run = async () => {
      for await (const _ of bird.channels.list({ pageSize: 10, signal: controller.signal }))
        if (++n === 15) controller.abort();
    };
    await expect(run()).rejects.toMatchObject({ name: "AbortError" });
    await new Promise((r) => setTimeout(r, 20));
    expect(server.requests).toHaveLength(2);
  });

  it.each([
    [{ pageSize: 0 }, /pageSize must be an integer from 1 to 100/],
    [{ pageSize: 101 }, /pageSize must be an integer from 1 to 100/],
    [{ status: "sleeping" }, /status must be one of "active", "pending", .*; got "sleeping"/],
    [{ platform: "whats app" }, /platform must match \^\[A-Za-z0-9-\]\+\$, got "whats app"/],
    [{ colour: "red" }, /GET \/workspaces\/\{workspaceId\}\/channels has no query parameter "colour"/],
    [{ reverse: "yes" }, /reverse must be a boolean/],
  ])("refuses %j when iterated, before any request", async (params, message) => {
    const { bird, server } = await birdServer(10);
    await expect(bird.channels.list(params as never).toArray()).rejects.toThrow(message);
    expect(server.requests).toHaveLength(0);
  });

  it("refuses bad path parameters before any request", async () => {
    const { bird, server } = await birdServer(10);
    await expect(bird.channels.get({ channelId: ".." })).rejects.toThrow(/channelId must not be "\.\."/);
    await expect(
      bird.channels.getContactDetails({ channelId: "123e4567-e89b-12d3-a456-426614174000", contactId: "" }),
    ).rejects.toThrow(/contactId must not be empty/);
    // The spec declares every Bird ID a UUID: anything else is refused like other bad input.
    await expect(bird.channels.get({ channelId: "ch-1" })).rejects.toThrow(
      new TypeError('channelId must be a UUID (the API\'s spec declares format "uuid"), got "ch-1"'),
    );
    const otherWorkspace = createBirdClient({
      accessKey: "bird-key-123456",
      workspaceId: "my-workspace",
      baseUrl: server.url,
    });
    await expect(otherWorkspace.channels.list().toArray()).rejects.toThrow(
      /^workspaceId must be a UUID \(the API's spec declares format "uuid"\), got "my-workspace"$/,
    );
    expect(server.requests).toHaveLength(0);
    expect(() => createBirdClient({ accessKey: "", workspaceId: WS })).toThrow(/accessKey is required/);
    // A key pasted with its scheme is told to drop it (and never echoed).
    for (const pasted of ["AccessKey bird-secret-123", "accesskey bird-secret-123", " AccessKey\tbird-secret-123"]) {
      expect(() => createBirdClient({ accessKey: pasted, workspaceId: WS })).toThrow(
        /accessKey starts with "AccessKey ": pass the key alone, the client adds the prefix$/,
      );
    }
    expect(() => createBirdClient({ accessKey: "k", workspaceId: "" })).toThrow(/workspaceId is required/);
    expect(() => createBirdClient({ accessKey: "k", workspaceId: "ws?x=1" })).toThrow(
      /workspaceId "ws\?x=1" is not an ID/,
    );
  });
});
