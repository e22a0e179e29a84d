import { describe, expect, it } from "vitest";
import { createBirdClient } from "../../src/bird/index.ts";
import { fakeFetch, json } from "../support/fake-fetch.ts";

const WS = "6f1c1f0e-5a4a-4b53-9a3c-6f0b7f4b1c2d";
const ORG = "cb28a94e-1d52-4c4c-9b2b-f1a0e7a5e5b0";

describe("bird.webhookSubscriptions", () => {
  it("redacts the subscription's signing key from errors and log lines, even when the server echoes it", async () => {
    const signingKey = "bird-signing-KEY-not-for-logs";
    const lines: string[] = [];
    const { fetch, calls } = fakeFetch((call) =>
      json(400, { code: "InvalidPayload", message: `bad subscription: ${call.body}` }),
    );
    const bird = createBirdClient({
      accessKey: "bird-key-123456",
      workspaceId: WS,
      organizationId: ORG,
      baseUrl: "http://127.0.0.1:9",
      fetch,
      logger: (line) => void lines.push(JSON.stringify(line)),
    });
    const result = await bird.webhookSubscriptions.create({
      service: "channels",
      event: "channel.created",
      url: "https://example.com/webhooks/bird",
      signingKey,
    });
    expect(calls[0]?.url.pathname).toBe(`/organizations/${ORG}/workspaces/${WS}/webhook-subscriptions`);
    expect(JSON.parse(calls[0]?.body ?? "{}")).toMatchObject({ signingKey });
    expect(result.error).toMatchObject({ kind: "api", status: 400 });
    for (const text of [result.error?.message ?? "", JSON.stringify(result.error), ...lines]) {
      expect(text).not.toContain(signingKey);
    }
    expect(JSON.stringify(result.error)).toContain("[REDACTED]");
  });
});
