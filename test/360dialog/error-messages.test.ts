import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { createDialog360Client } from "../../src/360dialog/index.ts";
import { fakeFetch, json } from "../support/fake-fetch.ts";

const KEY = "k-message-SECRET-42";
const client = (fetch: typeof globalThis.fetch) =>
  createDialog360Client({ partnerId: "examplePA", apiKey: KEY, baseUrl: "http://127.0.0.1:9", fetch, retry: false });
const apiError = { meta: { success: false, http_code: 404, developer_message: "Channel not found" } };

describe("error messages name the request as sent", () => {
  it("carry the method and the full URL with its IDs filled in, never the key", async () => {
    const { fetch } = fakeFetch(() => json(404, apiError));
    const { error } = await client(fetch).channels.listBlockedUsers({ channelId: "ch-7" });
    expect(error?.message).toBe(
      "GET http://127.0.0.1:9/api/v2/partners/examplePA/channels/ch-7/block_users failed with 404: Channel not found",
    );
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
    expect(error?.message).toContain("GET http://127.0.0.1:9/api/v2/partners/examplePA/clients failed");
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
    expect((err as Error).message).toContain(
      "POST http://127.0.0.1:9/api/v2/partners/examplePA/channels/ch-9/api_keys",
    );
  });

  it("show a base URL that doubles the path, host included", async () => {
    const { fetch } = fakeFetch(() => json(404, apiError));
    const d360 = createDialog360Client({
      partnerId: "examplePA",
      apiKey: KEY,
      baseUrl: "https://hub.example.test/api/v2",
      fetch,
      retry: false,
    });
    const { error } = await d360.channels.createApiKey({ channelId: "exampleCH" });
    expect(error?.message).toMatch(
      /^POST https:\/\/hub\.example\.test\/api\/v2\/api\/v2\/partners\/examplePA\/channels\/exampleCH\/api_keys failed with 404/,
    );
  });

  it("carry what Prism's sl-violations header says was wrong with the request", async () => {
    const violations = [
      {
        location: ["request", "path", "channel_id"],
        severity: "Error",
        message: 'channel_id must match format "uuid"',
      },
      { location: ["request", "body"], severity: "Error", message: "Request body must have required property 'name'" },
    ];
    const { fetch } = fakeFetch(() => json(400, apiError, { "sl-violations": JSON.stringify(violations) }));
    const { error } = await client(fetch).channels.listBlockedUsers({ channelId: "ch-7" });
    expect(error?.message).toContain(
      `[the mock or contract proxy says: channel_id must match format "uuid"; Request body must have required property 'name']`,
    );
    const { fetch: plain } = fakeFetch(() => json(400, apiError, { "sl-violations": "not json at all" }));
    const second = await client(plain).channels.listBlockedUsers({ channelId: "ch-7" });
    expect(second.error?.message).toContain("[the mock or contract proxy says: not json at all]");
  });
});
