import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { createDialog360Client } from "../../src/360dialog/index.ts";
import { fakeFetch, json } from "../support/fake-fetch.ts";

const KEY = "k-message-SECRET-42";
const client = (fetch: typeof globalThis.fetch) =>
  createDialog360Client({ partnerId: "examplePA", apiKey: KEY, baseUrl: "http://127.0.0.1:9", fetch, retry: false });
const apiError = { meta: { success: false, http_code: 404, developer_message: "Channel not found" } };

describe("error messages name the request as sent", () => {
  it("carry the method and the path with its IDs filled in, never the key", async () => {
    const { fetch } = fakeFetch(() => json(404, apiError));
    const { error } = await client(fetch).channels.listBlockedUsers({ channelId: "ch-7" });
    expect(error?.message).toContain("GET /api/v2/partners/examplePA/channels/ch-7/block_users");
    expect(error?.message).not.toContain("{channel_id}");
    for (const shown of [error?.message, String(error), JSON.stringify(error), inspect(error)]) {
      expect(shown).not.toContain(KEY);
    }
  });

  it("leave the query out: filter values can be personal data", async () => {
    const { fetch } = fakeFetch(() => json(500, "<html>oops</html>"));
    const error = await client(fetch)
      .clients.list({ filters: { contact_info: "jane@example.com" } })
      .first()
      .then(
        () => undefined,
        (e: Error) => e,
      );
    expect(error?.message).toContain("GET /api/v2/partners/examplePA/clients");
    expect(error?.message).not.toContain("jane@example.com");
  });

  it("through the escape hatch too", async () => {
    const { fetch } = fakeFetch(() => {
      throw new TypeError("fetch failed");
    });
    const d360 = client(fetch);
    const err = await d360.api
      .POST("/api/v2/partners/{partner_id}/channels/{channel_id}/api_keys", {
        params: { path: { partner_id: "examplePA", channel_id: "ch-9" } },
      })
      .catch((e: Error) => e);
    expect((err as Error).message).toContain("POST /api/v2/partners/examplePA/channels/ch-9/api_keys");
  });
});
