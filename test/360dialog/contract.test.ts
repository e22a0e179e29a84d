import { describe, expect, inject, it } from "vitest";
import { operations } from "../../generated/360dialog-meta.ts";
import { createDialog360Client, type Dialog360Client } from "../../src/360dialog/index.ts";
import { type AnyBspError, isBspError, type Result } from "../../src/index.ts";
import { createJsonQueryValidator } from "../support/json-query-validator.ts";
import { slViolations } from "../support/sl-violations.ts";

// Every public method against Prism serving the bundle: the success path, then each status the
// operation declares, asked for with `Prefer: code=NNN`. Prism must report no violation of the request.
let prefer: string | undefined;
const sent: Request[] = [];
const fetchWithPrefer: typeof fetch = (input, init) => {
  const request = new Request(input, init);
  if (prefer) request.headers.set("Prefer", `code=${prefer}`);
  sent.push(request.clone());
  return fetch(request);
};
const d360 = createDialog360Client({
  partnerId: "examplePA",
  apiKey: "contract-key-0001",
  baseUrl: inject("prism360"),
  fetch: fetchWithPrefer,
  retry: false,
  // Dozens of calls to rate-limited operations in a second: pacing is tested on its own.
  rateLimit: false,
});

const ids = { clientId: "exampleCL", channelId: "exampleCH" };
type Call = { path: string; method: string; run: (c: Dialog360Client) => Promise<Result<unknown, AnyBspError>> };
const calls: Record<string, Call> = {
  "channels.createApiKey": {
    path: "/api/v2/partners/{partner_id}/channels/{channel_id}/api_keys",
    method: "post",
    run: (c) => c.channels.createApiKey(ids),
  },
  "channels.listBlockedUsers": {
    path: "/api/v2/partners/{partner_id}/channels/{channel_id}/block_users",
    method: "get",
    run: (c) => c.channels.listBlockedUsers(ids),
  },
  "channels.blockUsers": {
    path: "/api/v2/partners/{partner_id}/channels/{channel_id}/block_users",
    method: "post",
    run: (c) => c.channels.blockUsers(ids, { block_users: [{ user: "+4915112345678" }] }),
  },
  "channels.unblockUsers": {
    path: "/api/v2/partners/{partner_id}/channels/{channel_id}/block_users",
    method: "delete",
    run: (c) => c.channels.unblockUsers(ids, { block_users: [{ user: "+4915112345678" }] }),
  },
  "channels.updateDisplayName": {
    path: "/api/v2/partners/{partner_id}/clients/{client_id}/channels/{channel_id}",
    method: "put",
    run: (c) => c.channels.updateDisplayName(ids, { name: "Acme Support" }),
  },
  "channels.reactivate": {
    path: "/api/v2/partners/{partner_id}/clients/{client_id}/channels/{channel_id}/control/reactivate",
    method: "post",
    run: (c) => c.channels.reactivate(ids),
  },
  "channels.getCommerceSettings": {
    path: "/api/v2/partners/{partner_id}/clients/{client_id}/channels/{channel_id}/whatsapp_commerce_settings",
    method: "get",
    run: (c) => c.channels.getCommerceSettings(ids),
  },
  "channels.updateCommerceSettings": {
    path: "/api/v2/partners/{partner_id}/clients/{client_id}/channels/{channel_id}/whatsapp_commerce_settings",
    method: "post",
    run: (c) => c.channels.updateCommerceSettings(ids, { is_cart_enabled: true, is_catalog_visible: true }),
  },
  "channels.requestCancellation": {
    path: "/api/v2/partners/{partner_id}/clients/{client_id}/channels/{channel_id}/control/cancellation_request",
    method: "post",
    run: (c) => c.channels.requestCancellation(ids),
  },
  "channels.enableLocalStorage": {
    path: "/api/v2/partners/{partner_id}/clients/{client_id}/channels/{channel_id}/control/enable_local_storage",
    method: "post",
    run: (c) => c.channels.enableLocalStorage(ids, { data_localization_region: "DE" }),
  },
  "channels.disableLocalStorage": {
    path: "/api/v2/partners/{partner_id}/clients/{client_id}/channels/{channel_id}/control/disable_local_storage",
    method: "post",
    run: (c) => c.channels.disableLocalStorage(ids),
  },
  "clients.update": {
    path: "/api/v2/partners/{partner_id}/clients/{client_id}",
    method: "patch",
    run: (c) => c.clients.update(ids, { max_channels: 12 }),
  },
  "clients.getBalance": {
    path: "/api/v2/partners/{partner_id}/clients/{client_id}/info/balance",
    method: "get",
    run: (c) =>
      c.clients.getBalance(ids, {
        start_date: 1691629200,
        end_date: 1691758799,
        granularity: "DAY",
        app_id: ["138219"],
      }),
  },
  "clients.listSharedNumbers": {
    path: "/api/v2/partners/{partner_id}/clients/{client_id}/shared_client_numbers",
    method: "get",
    run: (c) => c.clients.listSharedNumbers(ids),
  },
  "partner.update": {
    path: "/api/v2/partners/{partner_id}",
    method: "patch",
    run: (c) => c.partner.update({ webhook_url: "https://example.com/hook", allow_client_to_add_phone_no: true }),
  },
  "partner.getWebhookUrl": {
    path: "/api/v2/partners/{partner_id}/webhook_url",
    method: "get",
    run: (c) => c.partner.getWebhookUrl(),
  },
  "partner.setWebhookUrl": {
    path: "/api/v2/partners/{partner_id}/webhook_url",
    method: "post",
    run: (c) => c.partner.setWebhookUrl({ webhook_url: "https://example.com/360dialog-webhook" }),
  },
  "partner.setDefaultDataLocalizationRegion": {
    path: "/api/v2/partners/{partner_id}/settings/default_data_localization_region",
    method: "patch",
    run: (c) => c.partner.setDefaultDataLocalizationRegion({ default_data_localization_region: "DE" }),
  },
};
const statusesOf = ({ path, method }: { path: string; method: string }) =>
  Object.keys(
    (operations as unknown as Record<string, Record<string, { responses: object }>>)[path]?.[method]?.responses ?? {},
  ).map(Number);

describe("360dialog client against Prism", () => {
  it("covers every 360dialog operation (the lists and the token endpoint in their own tests below)", () => {
    const covered = new Set(Object.values(calls).map((c) => `${c.method} ${c.path}`));
    covered.add("get /api/v2/partners/{partner_id}/channels");
    covered.add("get /api/v2/partners/{partner_id}/clients");
    covered.add("post /api/v2/token");
    const all = Object.entries(operations).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m} ${path}`));
    expect([...covered].sort()).toEqual(all.sort());
  });

  const direct = Object.entries(calls);
  it.each(direct)("%s succeeds with no violations", async (_name, call) => {
    prefer = undefined;
    const result = await call.run(d360);
    expect(result.error).toBeUndefined();
    expect(result.data).toBeDefined();
    expect(slViolations(result.response)).toEqual([]);
  });

  const errorCases = direct.flatMap(([name, call]) =>
    statusesOf(call)
      .filter((s) => s >= 400)
      .map((s) => [name, s, call] as const),
  );
  it.each(errorCases)(
    "%s: declared %i becomes its kind:api member with the typed body",
    async (_name, status, call) => {
      prefer = String(status);
      try {
        const result = await call.run(d360);
        expect(slViolations(result.response)).toEqual([]);
        expect(result.error).toMatchObject({ kind: "api", status, attempts: 1 });
        const body = (result.error as { body: { meta: { developer_message: string; http_code: number } } }).body;
        // The mock answers with the example of that status, not placeholders; a 429 says when to come back.
        expect(body.meta).toEqual(expect.objectContaining({ success: false, http_code: status }));
        expect(body.meta.developer_message).not.toBe("string");
        expect(result.error?.message).toContain(`failed with ${status}`);
        if (status === 429) expect(result.error).toMatchObject({ retryAfterMs: 30_000 });
      } finally {
        prefer = undefined;
      }
    },
  );

  it("lists channels with JSON filters and repeated sort keys that Prism and the filter schema accept", async () => {
    sent.length = 0;
    const channels = await d360.channels
      .list({ filters: { status: "ready", "client.name": "Acme", q: "+49" }, sort: ["-created_at", "client.name"] })
      .toArray();
    expect(channels.map((c) => c.id)).toEqual(["exampleCH", "exampleCH2"]);
    const url = new URL(sent[0]?.url ?? "");
    expect(url.searchParams.getAll("sort")).toEqual(["-created_at", "client.name"]);
    expect(JSON.parse(url.searchParams.get("filters") ?? "")).toEqual({
      status: "ready",
      "client.name": "Acme",
      q: "+49",
    });
    const validate = createJsonQueryValidator("360dialog");
    expect(validate(url.href, "/api/v2/partners/{partner_id}/channels", "get")).toEqual([]);
    // Replay the exact request without the paginator's (now finished) signal to read Prism's verdict.
    expect(slViolations(await fetch(url, { headers: sent[0]?.headers }))).toEqual([]);
  });

  it("lists clients with their own filter fields and sort keys", async () => {
    sent.length = 0;
    const clients = await d360.clients
      .list({ filters: { "contact_info.country": "DE" }, sort: "name", pageSize: 50 })
      .toArray();
    expect(clients.map((c) => c.id)).toEqual(["exampleCL", "exampleCL2"]);
    const url = new URL(sent[0]?.url ?? "");
    expect(createJsonQueryValidator("360dialog")(url.href, "/api/v2/partners/{partner_id}/clients", "get")).toEqual([]);
    expect(slViolations(await fetch(url, { headers: sent[0]?.headers }))).toEqual([]);
  });

  const listOps = [
    [
      "channels.list",
      "/api/v2/partners/{partner_id}/channels",
      (c: Dialog360Client) => c.channels.list({ sort: "-created_at" }).toArray(),
    ],
    [
      "clients.list",
      "/api/v2/partners/{partner_id}/clients",
      (c: Dialog360Client) => c.clients.list({ sort: "name" }).toArray(),
    ],
  ] as const;
  const listErrors = listOps.flatMap(([name, path, run]) =>
    statusesOf({ path, method: "get" })
      .filter((s) => s >= 400)
      .map((s) => [name, s, run] as const),
  );
  it.each(listErrors)(
    "%s: declared %i is thrown as a BspError carrying its kind:api member",
    async (_name, status, run) => {
      prefer = String(status);
      try {
        const error = await run(d360).catch((e: unknown) => e);
        expect(isBspError(error)).toBe(true);
        if (!isBspError(error)) return;
        expect(error.error).toMatchObject({ kind: "api", status, attempts: 1 });
        expect((error.error as { body: { meta: { http_code: number } } }).body.meta.http_code).toEqual(
          expect.any(Number),
        );
      } finally {
        prefer = undefined;
      }
    },
  );

  const tokenStatuses = statusesOf({ path: "/api/v2/token", method: "post" }).filter((s) => s >= 400);
  it.each(tokenStatuses)("POST /api/v2/token: declared %i fails the call as its kind:api member", async (status) => {
    const withToken = createDialog360Client({
      partnerId: "examplePA",
      credentials: { username: "partner@example.com", password: "contract-password" },
      baseUrl: inject("prism360"),
      retry: false,
      fetch: (input, init) => {
        const request = new Request(input, init);
        request.headers.set("Prefer", `code=${status}`);
        return fetch(request);
      },
    });
    const result = await withToken.channels.listBlockedUsers(ids);
    expect(slViolations(result.response)).toEqual([]);
    expect(result.error).toMatchObject({ kind: "api", status });
    expect(result.error?.message).toMatch(
      /was not sent: authentication failed at POST \/api\/v2\/token, which failed with/,
    );
  });

  it("authenticates with username and password through POST /api/v2/token", async () => {
    const seen: Request[] = [];
    const withToken = createDialog360Client({
      partnerId: "examplePA",
      credentials: { username: "partner@example.com", password: "contract-password" },
      baseUrl: inject("prism360"),
      fetch: (input, init) => {
        const r = new Request(input, init);
        seen.push(r.clone());
        return fetch(r);
      },
    });
    const result = await withToken.channels.listBlockedUsers(ids);
    expect(result.error).toBeUndefined();
    expect(slViolations(result.response)).toEqual([]);
    expect(seen.map((r) => `${r.method} ${new URL(r.url).pathname}`)).toEqual([
      "POST /api/v2/token",
      "GET /api/v2/partners/examplePA/channels/exampleCH/block_users",
    ]);
    expect(seen[1]?.headers.get("authorization")).toMatch(/^Bearer \S+/);
    expect(seen[1]?.headers.get("x-api-key")).toBeNull();
  });

  it("exposes the typed openapi-fetch client with the same authentication", async () => {
    const result = await d360.api.GET("/api/v2/partners/{partner_id}/channels/{channel_id}/block_users", {
      params: { path: { partner_id: "examplePA", channel_id: "exampleCH" } },
    });
    expect(result.response.status).toBe(200);
    expect(slViolations(result.response)).toEqual([]);
  });
});
