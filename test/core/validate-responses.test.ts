import { inspect } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDialog360Client } from "../../src/360dialog/index.ts";
import { createBirdClient } from "../../src/bird/index.ts";
import { createDriftMonitor } from "../../src/core/features/drift.ts";
import { collectDrift } from "../../src/core/results/check-shape.ts";
import { Redactor } from "../../src/core/results/redactor.ts";
import { type DriftEvent, isBspError, type RequestLogLine } from "../../src/index.ts";
import { startDriftServer } from "../support/drift-server.ts";
import { fakeFetch, json } from "../support/fake-fetch.ts";

const KEY = "drift-SECRET-key-9000";
let server: Awaited<ReturnType<typeof startDriftServer>>;
beforeAll(async () => {
  server = await startDriftServer(KEY);
});
afterAll(() => server.close());

const client = (extra: object) =>
  createDialog360Client({
    partnerId: "examplePA",
    apiKey: KEY,
    baseUrl: server.url,
    rateLimit: false,
    retry: false,
    ...extra,
  });
const ref = { channelId: "ch-1" };
const LIST = "GET /api/v2/partners/{partner_id}/channels";
const BLOCKED = "GET /api/v2/partners/{partner_id}/channels/{channel_id}/block_users";

describe('validateResponses: "warn"', () => {
  it("reports each drift once per operation and pointer, not the extra field, with no credential; calls succeed", async () => {
    const drifts: DriftEvent[] = [];
    const lines: RequestLogLine[] = [];
    const d360 = client({
      validateResponses: "warn",
      onDrift: (e: DriftEvent) => drifts.push(e),
      logger: (l: RequestLogLine) => lines.push(l),
    });
    for (let i = 0; i < 2; i++) {
      expect(await d360.channels.list().toArray()).toHaveLength(3);
      expect((await d360.channels.listBlockedUsers(ref)).error).toBeUndefined();
      expect((await d360.channels.createApiKey(ref)).error).toBeUndefined();
    }
    expect(drifts.map(({ operation, status, pointer, rule }) => ({ operation, status, pointer, rule }))).toEqual([
      { operation: LIST, status: 200, pointer: "/partner_channels/*/has_inbox", rule: "type" },
      { operation: LIST, status: 200, pointer: "/partner_channels/*/status", rule: "enum" },
      { operation: BLOCKED, status: 200, pointer: "/status_code", rule: "required" },
      { operation: BLOCKED, status: 200, pointer: "/data/block_users/*/input", rule: "required" },
    ]);
    expect(drifts[0]?.sample).toBe('"yes"');
    expect(drifts[1]?.sample).toMatch(/^"hibernating /);
    expect(drifts[2]?.sample).toBeUndefined();
    const driftLines = lines.filter((l) => l.event === "drift");
    expect(driftLines.map(({ event, ...e }) => e)).toEqual(drifts.map((e) => ({ ...e })));
    for (const shown of [JSON.stringify(drifts), inspect(drifts), JSON.stringify(lines)]) {
      expect(shown).not.toContain(KEY);
      expect(shown).not.toContain("brand_new_field");
    }
  });
});

describe('validateResponses: "error"', () => {
  it("turns a drifted success body into unexpected with the drifts attached", async () => {
    const d360 = client({ validateResponses: "error" });
    const res = await d360.channels.listBlockedUsers(ref);
    expect(res.error).toMatchObject({ kind: "unexpected", status: 200 });
    const error = res.error?.kind === "unexpected" ? res.error : undefined;
    expect(error?.drift?.map((d) => d.pointer)).toEqual(["/status_code", "/data/block_users/*/input"]);
    expect(error?.message).toMatch(
      /departs from the spec: \/status_code: must have the required property "status_code" \(and 1 more\)/,
    );
    // An additive field alone is no drift: the call succeeds.
    expect((await d360.channels.createApiKey(ref)).error).toBeUndefined();
    const thrown = await d360.channels
      .list()
      .toArray()
      .catch((e: unknown) => e);
    expect(isBspError(thrown) && thrown.error.kind).toBe("unexpected");
    expect(JSON.stringify(thrown)).not.toContain(KEY);
  });
});

describe("validateResponses on the Bird client", () => {
  it("reports a Bird channel whose status left the enum and whose name is missing", async () => {
    const drifts: DriftEvent[] = [];
    const { fetch } = fakeFetch(() =>
      json(200, {
        id: "c1",
        platformId: "whatsapp",
        connectorId: "k",
        status: "paused",
        createdAt: "2026-01-01T00:00:00Z",
      }),
    );
    const bird = createBirdClient({
      workspaceId: "6f1c1f0e-5a4a-4b53-9a3c-6f0b7f4b1c2d",
      accessKey: KEY,
      baseUrl: "http://127.0.0.1:9",
      fetch,
      validateResponses: "warn",
      onDrift: (e: DriftEvent) => drifts.push(e),
    });
    expect((await bird.channels.get({ channelId: "123e4567-e89b-12d3-a456-426614174000" })).error).toBeUndefined();
    expect(drifts.map((d) => [d.pointer, d.rule])).toEqual([
      ["/name", "required"],
      ["/status", "enum"],
    ]);
  });
});

describe('validateResponses: "off" (the default)', () => {
  it("reports nothing", async () => {
    const drifts: DriftEvent[] = [];
    const d360 = client({ onDrift: (e: DriftEvent) => drifts.push(e) });
    expect(await d360.channels.list().toArray()).toHaveLength(3);
    expect((await d360.channels.listBlockedUsers(ref)).error).toBeUndefined();
    expect(drifts).toEqual([]);
  });

  it("refuses an unknown mode", () => {
    expect(() => client({ validateResponses: "strict" })).toThrow(/validateResponses must be "off", "warn" or "error"/);
  });
});

describe("collectDrift and the drift monitor", () => {
  it("takes the best anyOf branch and checks optional properties only when present", () => {
    const shape = {
      type: "object",
      properties: {
        a: { anyOf: [{ type: "object", properties: { level: { type: "string" } } }, { type: "null" }] },
        b: { type: "integer" },
      },
    } as const;
    expect(collectDrift({ a: null }, shape)).toEqual([]);
    expect(collectDrift({ a: { level: 3 } }, shape).map((m) => m.pointer)).toEqual(["/a/level"]);
    expect(collectDrift({ b: "1" }, shape).map((m) => m.rule)).toEqual(["type"]);
  });

  it("bounds the set of reported drifts", async () => {
    const events: DriftEvent[] = [];
    const shape = {
      type: "object",
      properties: Object.fromEntries(["p", "q", "r"].map((k) => [k, { type: "string" }])),
    };
    const monitor = createDriftMonitor(
      { onDrift: (e) => events.push(e) },
      () => {},
      new Redactor(),
      async () => ({ "/x": { get: { "200": shape } } }),
      2,
    );
    await monitor.check("GET", "/x", 200, { p: 1, q: 2, r: 3 });
    expect(events.map((e) => e.pointer)).toEqual(["/p", "/q"]);
    expect(monitor.suppressed).toBe(1);
  });
});
