import createClient from "openapi-fetch";
import { describe, expect, inject, it } from "vitest";
import type { paths as D360Paths } from "../../generated/360dialog.ts";
import { operations as d360Operations } from "../../generated/360dialog-meta.ts";
import type { paths as BirdPaths } from "../../generated/bird.ts";
import { createJsonQueryValidator } from "../support/json-query-validator.ts";
import { slViolations } from "../support/sl-violations.ts";

// The bundled specs themselves, called through bare openapi-fetch typed by the generated `paths`:
// each operation's request is accepted by Prism (2xx) with no violations.
const P = "examplePA";
const C = "exampleCL";
const CH = "exampleCH";
const WS = "6f1c1f0e-5a4a-4b53-9a3c-6f0b7f4b1c2d";
const BCH = "123e4567-e89b-12d3-a456-426614174000";
const ORG = "cb28a94e-1d52-4c4c-9b2b-f1a0e7a5e5b0";

describe("360dialog bundle through openapi-fetch", () => {
  const sent: Request[] = [];
  const api = createClient<D360Paths>({
    baseUrl: inject("prism360"),
    headers: { "X-API-Key": "contract-test-key" },
    fetch: (request: Request) => {
      sent.push(request.clone());
      return fetch(request);
    },
  });
  const pp = { path: { partner_id: P } };
  const cp = { path: { partner_id: P, client_id: C } };
  const chp = { path: { partner_id: P, channel_id: CH } };
  const ccp = { path: { partner_id: P, client_id: C, channel_id: CH } };
  const calls = {
    "GET channels": () =>
      api.GET("/api/v2/partners/{partner_id}/channels", {
        params: {
          ...pp,
          query: {
            filters: JSON.stringify({ status: "ready", "client.name": "Acme" }),
            sort: ["-created_at", "client.name"],
            limit: 10,
            offset: 0,
          },
        },
      }),
    "POST api key": () => api.POST("/api/v2/partners/{partner_id}/channels/{channel_id}/api_keys", { params: chp }),
    "GET blocked": () => api.GET("/api/v2/partners/{partner_id}/channels/{channel_id}/block_users", { params: chp }),
    "POST block": () =>
      api.POST("/api/v2/partners/{partner_id}/channels/{channel_id}/block_users", {
        params: chp,
        body: { block_users: [{ user: "4915112345678" }] },
      }),
    "DELETE block": () =>
      api.DELETE("/api/v2/partners/{partner_id}/channels/{channel_id}/block_users", {
        params: chp,
        body: { block_users: [{ user: "4915112345678" }] },
      }),
    "PUT display name": () =>
      api.PUT("/api/v2/partners/{partner_id}/clients/{client_id}/channels/{channel_id}", {
        params: ccp,
        body: { name: "Acme" },
      }),
    "POST reactivate": () =>
      api.POST("/api/v2/partners/{partner_id}/clients/{client_id}/channels/{channel_id}/control/reactivate", {
        params: ccp,
      }),
    "GET commerce": () =>
      api.GET("/api/v2/partners/{partner_id}/clients/{client_id}/channels/{channel_id}/whatsapp_commerce_settings", {
        params: ccp,
      }),
    "POST commerce": () =>
      api.POST("/api/v2/partners/{partner_id}/clients/{client_id}/channels/{channel_id}/whatsapp_commerce_settings", {
        params: ccp,
        body: { is_cart_enabled: true, is_catalog_visible: false },
      }),
    "POST cancellation": () =>
      api.POST("/api/v2/partners/{partner_id}/clients/{client_id}/channels/{channel_id}/control/cancellation_request", {
        params: ccp,
      }),
    "POST enable local storage": () =>
      api.POST("/api/v2/partners/{partner_id}/clients/{client_id}/channels/{channel_id}/control/enable_local_storage", {
        params: ccp,
        body: { data_localization_region: "DE" },
      }),
    "POST disable local storage": () =>
      api.POST(
        "/api/v2/partners/{partner_id}/clients/{client_id}/channels/{channel_id}/control/disable_local_storage",
        { params: ccp },
      ),
    "GET clients": () =>
      api.GET("/api/v2/partners/{partner_id}/clients", {
        params: {
          ...pp,
          query: { filters: JSON.stringify({ "contact_info.email": "a@example.com" }), sort: ["name"], limit: 5 },
        },
      }),
    "PATCH client": () =>
      api.PATCH("/api/v2/partners/{partner_id}/clients/{client_id}", {
        params: cp,
        body: { partner_payload: "x", max_channels: 42 },
      }),
    "GET balance": () =>
      api.GET("/api/v2/partners/{partner_id}/clients/{client_id}/info/balance", {
        params: {
          ...cp,
          query: { start_date: 1691629200, end_date: 1691758799, granularity: "DAY", app_id: ["138219", "138220"] },
        },
      }),
    "GET shared numbers": () =>
      api.GET("/api/v2/partners/{partner_id}/clients/{client_id}/shared_client_numbers", { params: cp }),
    "PATCH partner": () =>
      api.PATCH("/api/v2/partners/{partner_id}", {
        params: pp,
        body: { webhook_url: "https://example.com/hook", allow_client_to_add_phone_no: false },
      }),
    "PATCH default region": () =>
      api.PATCH("/api/v2/partners/{partner_id}/settings/default_data_localization_region", {
        params: pp,
        body: { default_data_localization_region: "DE" },
      }),
    "GET webhook url": () => api.GET("/api/v2/partners/{partner_id}/webhook_url", { params: pp }),
    "POST webhook url": () =>
      api.POST("/api/v2/partners/{partner_id}/webhook_url", {
        params: pp,
        body: { webhook_url: "https://example.com/360dialog-webhook" },
      }),
    "POST token": () => api.POST("/api/v2/token", { body: { username: "partner@example.com", password: "secret" } }),
  } as const;

  it.each(Object.keys(calls))("%s is accepted with no violations", async (name) => {
    const result = await calls[name as keyof typeof calls]();
    expect(slViolations(result.response)).toEqual([]);
    expect(result.response.status).toBe(200);
    expect(result.error).toBeUndefined();
    expect(result.data).toBeDefined();
  });

  it("covers every 360dialog operation (checked from the requests actually sent)", () => {
    const templates = Object.keys(d360Operations).map((path) => ({
      path,
      re: new RegExp(`^${path.replace(/\{[^}]+\}/g, "[^/]+")}$`),
    }));
    const covered = new Set(
      sent.map((request) => {
        const { pathname } = new URL(request.url);
        const template = templates.find((t) => t.re.test(pathname))?.path ?? pathname;
        return `${request.method.toLowerCase()} ${template}`;
      }),
    );
    const all = Object.entries(d360Operations).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m} ${path}`));
    expect([...covered].sort()).toEqual(all.sort());
  });

  const validateJsonQuery = createJsonQueryValidator("360dialog");
  it("sends filters as one JSON value that matches the filter schema", async () => {
    sent.length = 0;
    await calls["GET channels"]();
    const url = sent[0]?.url ?? "";
    expect(url).toContain(`filters=${encodeURIComponent(JSON.stringify({ status: "ready", "client.name": "Acme" }))}`);
    expect(validateJsonQuery(url, "/api/v2/partners/{partner_id}/channels", "get")).toEqual([]);
  });

  it("catches a deepObject-encoded filters, an unknown filter field and a wrong filter value", () => {
    const base = `http://127.0.0.1/api/v2/partners/${P}/channels`;
    const path = "/api/v2/partners/{partner_id}/channels";
    expect(validateJsonQuery(`${base}?filters[status]=ready`, path, "get")).toEqual([
      "filters is sent as filters[status]; the spec declares one JSON-encoded value",
    ]);
    expect(validateJsonQuery(`${base}?status=ready`, path, "get")).toEqual([]);
    expect(validateJsonQuery(`${base}?filters=status:ready`, path, "get")).toEqual([
      "filters=status:ready is not JSON",
    ]);
    expect(validateJsonQuery(`${base}?filters=${encodeURIComponent('{"colour":"red"}')}`, path, "get")[0]).toMatch(
      /must NOT have additional properties/,
    );
    expect(validateJsonQuery(`${base}?filters=${encodeURIComponent('{"status":"sleeping"}')}`, path, "get")[0]).toMatch(
      /filters\/status must be equal to one of the allowed values/,
    );
  });

  it("has Prism report an unknown sort key and a descending key of another list", async () => {
    const result = await api.GET("/api/v2/partners/{partner_id}/channels", {
      // @ts-expect-error "name" is a client sort key, not a channel one
      params: { ...pp, query: { sort: ["-name"] } },
    });
    expect(JSON.stringify(slViolations(result.response))).toMatch(
      /query.*sort.*must be equal to one of the allowed values/,
    );
  });
});

describe("Bird bundle through openapi-fetch", () => {
  const api = createClient<BirdPaths>({
    baseUrl: inject("prismBird"),
    headers: { Authorization: "AccessKey contract-test-key" },
  });
  const calls = {
    "GET channels": () =>
      api.GET("/workspaces/{workspaceId}/channels", {
        params: {
          path: { workspaceId: WS },
          query: { limit: 25, status: "active", platform: "whatsapp", reverse: true, pageToken: "abc" },
        },
      }),
    "GET channel": () =>
      api.GET("/workspaces/{workspaceId}/channels/{channelId}", {
        params: { path: { workspaceId: WS, channelId: BCH } },
      }),
    "GET contact details": () =>
      api.GET("/workspaces/{workspaceId}/channels/{channelId}/contacts/{contactId}", {
        params: { path: { workspaceId: WS, channelId: BCH, contactId: BCH } },
      }),
    "GET webhook subscriptions": () =>
      api.GET("/organizations/{organizationId}/workspaces/{workspaceId}/webhook-subscriptions", {
        params: { path: { organizationId: ORG, workspaceId: WS }, query: { limit: 10, pageToken: "abc" } },
      }),
    "POST webhook subscription": () =>
      api.POST("/organizations/{organizationId}/workspaces/{workspaceId}/webhook-subscriptions", {
        params: { path: { organizationId: ORG, workspaceId: WS } },
        body: {
          service: "channels",
          event: "channel.created",
          url: "https://example.com/webhooks/bird",
          signingKey: "test-signing-key",
          eventFilters: [],
        },
      }),
    "GET webhook subscription": () =>
      api.GET(
        "/organizations/{organizationId}/workspaces/{workspaceId}/webhook-subscriptions/{webhookSubscriptionId}",
        {
          params: { path: { organizationId: ORG, workspaceId: WS, webhookSubscriptionId: BCH } },
        },
      ),
    "DELETE webhook subscription": () =>
      api.DELETE(
        "/organizations/{organizationId}/workspaces/{workspaceId}/webhook-subscriptions/{webhookSubscriptionId}",
        { params: { path: { organizationId: ORG, workspaceId: WS, webhookSubscriptionId: BCH } } },
      ),
  } as const;

  it.each(Object.keys(calls))("%s is accepted with no violations", async (name) => {
    const result = await calls[name as keyof typeof calls]();
    expect(slViolations(result.response)).toEqual([]);
    expect(result.response.status).toBeGreaterThanOrEqual(200);
    expect(result.response.status).toBeLessThan(300);
    expect(result.error).toBeUndefined();
  });
});
