import { describe, expect, it } from "vitest";
import { createDialog360Client } from "../../src/360dialog/index.ts";
import { fakeFetch, json } from "../support/fake-fetch.ts";

const page = (items: object[], total = items.length) => ({
  count: items.length,
  filters: {},
  limit: 1,
  offset: 0,
  sort: ["id"],
  total,
  partner_channels: items,
});
const client = (fetch: typeof globalThis.fetch) =>
  createDialog360Client({
    partnerId: "examplePA",
    apiKey: "k-get-test",
    baseUrl: "http://127.0.0.1:9",
    fetch,
    retry: false,
  });

describe("channels.get", () => {
  it("asks the list for that id with a page size of 1 and returns the channel", async () => {
    const { fetch, calls } = fakeFetch(() => json(200, page([{ id: "ch-1", status: "ready" }], 1)));
    const res = await client(fetch).channels.get({ channelId: "ch-1" });
    expect(res.error).toBeUndefined();
    expect(res.data).toMatchObject({ id: "ch-1", status: "ready" });
    expect(calls).toHaveLength(1);
    expect(calls[0]?.url.pathname).toBe("/api/v2/partners/examplePA/channels");
    expect(JSON.parse(calls[0]?.url.searchParams.get("filters") ?? "null")).toEqual({ id: "ch-1" });
    expect(calls[0]?.url.searchParams.get("limit")).toBe("1");
  });

  it("returns data undefined, not an error, when there is no such channel", async () => {
    const { fetch } = fakeFetch(() => json(200, page([])));
    const res = await client(fetch).channels.get({ channelId: "nope" });
    expect(res.error).toBeUndefined();
    expect(res.data).toBeUndefined();
    expect(res.response?.status).toBe(200);
  });

  it("returns the list's error", async () => {
    const { fetch } = fakeFetch(() =>
      json(401, { meta: { success: false, http_code: 401, developer_message: "bad key" } }),
    );
    const res = await client(fetch).channels.get({ channelId: "ch-1" });
    expect(res.error).toMatchObject({ kind: "api", status: 401 });
  });

  it.each([[""], ["."], [".."], ["a\nb"]])("refuses channelId %j before anything is sent", async (channelId) => {
    const { fetch, calls } = fakeFetch(() => json(200, page([])));
    await expect(client(fetch).channels.get({ channelId })).rejects.toThrow(TypeError);
    expect(calls).toHaveLength(0);
  });
});

describe("Paginator.first", () => {
  it("fetches one page and stops; undefined for an empty list", async () => {
    const { fetch, calls } = fakeFetch((call) => {
      const offset = Number(call.url.searchParams.get("offset") ?? 0);
      return json(200, { ...page([{ id: `ch-${offset}` }, { id: `ch-${offset + 1}` }], 10), limit: 2, offset });
    });
    const d360 = client(fetch);
    expect(await d360.channels.list({ pageSize: 2 }).first()).toMatchObject({ id: "ch-0" });
    expect(calls).toHaveLength(1);
    const empty = fakeFetch(() => json(200, page([])));
    expect(await client(empty.fetch).channels.list().first()).toBeUndefined();
  });

  it("rejects with a BspError when the page fails", async () => {
    const { fetch } = fakeFetch(() => json(500, { meta: { success: false, http_code: 500, developer_message: "x" } }));
    await expect(client(fetch).channels.list().first()).rejects.toMatchObject({ name: "BspError" });
  });
});
