import { describe, expect, inject, it } from "vitest";
import { operations } from "../../generated/bird-meta.ts";
import { createBirdClient } from "../../src/bird/index.ts";
import { slViolations } from "../support/sl-violations.ts";

const WS = "6f1c1f0e-5a4a-4b53-9a3c-6f0b7f4b1c2d";
const CH = "123e4567-e89b-12d3-a456-426614174000";
const ORG = "cb28a94e-1d52-4c4c-9b2b-f1a0e7a5e5b0";
let prefer: string | undefined;
const bird = createBirdClient({
  accessKey: "bird-contract-key",
  workspaceId: WS,
  organizationId: ORG,
  baseUrl: inject("prismBird"),
  retry: false,
  fetch: (input, init) => {
    const request = new Request(input, init);
    if (prefer) request.headers.set("Prefer", `code=${prefer}`);
    return fetch(request);
  },
});

const calls = {
  "channels.get": {
    path: "/workspaces/{workspaceId}/channels/{channelId}",
    method: "get",
    run: () => bird.channels.get({ channelId: CH }),
  },
  "channels.getContactDetails": {
    path: "/workspaces/{workspaceId}/channels/{channelId}/contacts/{contactId}",
    method: "get",
    run: () => bird.channels.getContactDetails({ channelId: CH, contactId: CH }),
  },
  "webhookSubscriptions.get": {
    path: "/organizations/{organizationId}/workspaces/{workspaceId}/webhook-subscriptions/{webhookSubscriptionId}",
    method: "get",
    run: () => bird.webhookSubscriptions.get({ webhookSubscriptionId: CH }),
  },
  "webhookSubscriptions.create": {
    path: "/organizations/{organizationId}/workspaces/{workspaceId}/webhook-subscriptions",
    method: "post",
    run: () =>
      bird.webhookSubscriptions.create({
        service: "channels",
        event: "channel.created",
        url: "https://example.com/webhooks/bird",
        signingKey: "bird-signing-key-SECRET",
      }),
  },
  "webhookSubscriptions.delete": {
    path: "/organizations/{organizationId}/workspaces/{workspaceId}/webhook-subscriptions/{webhookSubscriptionId}",
    method: "delete",
    run: () => bird.webhookSubscriptions.delete({ webhookSubscriptionId: CH }),
  },
  "channels.list (one page)": {
    path: "/workspaces/{workspaceId}/channels",
    method: "get",
    run: () =>
      bird.api.GET("/workspaces/{workspaceId}/channels", {
        params: { path: { workspaceId: WS }, query: { limit: 10 } },
      }),
  },
} as const;

describe("Bird client against Prism", () => {
  it("lists channels through the paginator with no violations", async () => {
    const seen: Response[] = [];
    const client = createBirdClient({
      accessKey: "bird-contract-key",
      workspaceId: WS,
      baseUrl: inject("prismBird"),
      fetch: async (input, init) => {
        const response = await fetch(input, init);
        seen.push(response.clone());
        return response;
      },
    });
    const channels = await client.channels
      .list({ pageSize: 25, status: "active", platform: "whatsapp", reverse: true })
      .toArray();
    expect(channels.map((c) => c.name)).toEqual(["Acme Support", "Acme Alerts"]);
    expect(seen).toHaveLength(1);
    expect(slViolations(seen[0])).toEqual([]);
  });

  it("lists webhook subscriptions through the paginator with no violations", async () => {
    const subscriptions = await bird.webhookSubscriptions.list({ pageSize: 10 }).toArray();
    expect(subscriptions.map((s) => s.event)).toEqual(["channel.created"]);
  });

  it("needs organizationId for webhook subscriptions, and says so before anything is sent", () => {
    const noOrg = createBirdClient({ accessKey: "bird-contract-key", workspaceId: WS, baseUrl: inject("prismBird") });
    expect(() => noOrg.webhookSubscriptions.get({ webhookSubscriptionId: CH })).toThrow(/organizationId/);
  });

  it("covers every Bird operation", () => {
    const covered = new Set(Object.values(calls).map((c) => `${c.method} ${c.path}`));
    covered.add("get /organizations/{organizationId}/workspaces/{workspaceId}/webhook-subscriptions");
    const all = Object.entries(operations).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m} ${path}`));
    expect([...covered].sort()).toEqual(all.sort());
  });

  it.each(Object.entries(calls))("%s succeeds with no violations", async (_name, call) => {
    prefer = undefined;
    const result = await call.run();
    expect(result.error).toBeUndefined();
    expect(slViolations(result.response)).toEqual([]);
  });

  const errorCases = Object.entries(calls)
    .filter(([name]) => !name.startsWith("channels.list"))
    .flatMap(([name, call]) =>
      Object.keys(
        (operations as unknown as Record<string, Record<string, { responses: object }>>)[call.path]?.[call.method]
          ?.responses ?? {},
      )
        .map(Number)
        .filter((s) => s >= 400)
        .map((s) => [name, s, call] as const),
    );
  it.each(errorCases)("%s: declared %i becomes its kind:api member", async (_name, status, call) => {
    prefer = String(status);
    try {
      const result = await call.run();
      expect(slViolations(result.response)).toEqual([]);
      expect(result.error).toMatchObject({ kind: "api", status, attempts: 1 });
      // The mock answers with an example, not placeholders; a 429 says when to come back.
      const body = (result.error as { body: { code: string; message: string } }).body;
      expect(body.code).not.toBe("string");
      expect(body.message).not.toBe("string");
      if (status === 429) expect(result.error).toMatchObject({ retryAfterMs: 1000 });
    } finally {
      prefer = undefined;
    }
  });
});
