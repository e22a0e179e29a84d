import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDialog360Client } from "../../src/360dialog/index.ts";
import { type ContractProxy, startContractProxy } from "../../src/testing/index.ts";
import { startDriftServer } from "../support/drift-server.ts";

// Prism in proxy mode between a client and a drifted upstream: every request and response violation
// of the bundled spec comes back as a structured violation, once per place, with no credential.
const KEY = "proxy-SECRET-key-5150";
let upstream: Awaited<ReturnType<typeof startDriftServer>>;
let proxy: ContractProxy;
beforeAll(async () => {
  upstream = await startDriftServer(KEY);
  proxy = await startContractProxy("360dialog", { upstream: upstream.url });
});
afterAll(async () => {
  await proxy?.close();
  await upstream?.close();
});

const LIST = "GET /api/v2/partners/{partner_id}/channels";
const BLOCKED = "GET /api/v2/partners/{partner_id}/channels/{channel_id}/block_users";
const BLOCK = "POST /api/v2/partners/{partner_id}/channels/{channel_id}/block_users";

describe("startContractProxy", () => {
  it("forwards to the upstream and reports each violation once, with pointer and direction, never a credential", async () => {
    const d360 = createDialog360Client({ partnerId: "examplePA", apiKey: KEY, retry: false, ...proxy.clientOptions });
    const ref = { channelId: "ch-1" };
    for (let i = 0; i < 2; i++) {
      expect(await d360.channels.list().toArray()).toHaveLength(3);
      expect((await d360.channels.listBlockedUsers(ref)).error).toBeUndefined();
    }
    // A request that breaks the spec: block_users must be an array.
    await d360.channels.blockUsers(ref, { block_users: "4915112345678" } as never);
    const seen = upstream.requests.filter((r) => r.url.pathname.startsWith("/api/"));
    expect(seen.map((r) => r.headers["x-api-key"])).toEqual([KEY, KEY, KEY, KEY, KEY]);

    const violations = proxy.violations();
    const brief = violations.map(({ operation, direction, pointer, count }) => ({
      operation,
      direction,
      pointer,
      count,
    }));
    expect(brief).toEqual([
      { operation: LIST, direction: "response", pointer: "/body/partner_channels/*/has_inbox", count: 4 },
      { operation: LIST, direction: "response", pointer: "/body/partner_channels/*/status", count: 4 },
      { operation: BLOCKED, direction: "response", pointer: "/body/status_code", count: 2 },
      { operation: BLOCKED, direction: "response", pointer: "/body/data/block_users/*/input", count: 2 },
      { operation: BLOCK, direction: "request", pointer: "/body/block_users", count: 1 },
    ]);
    expect(violations[0]).toMatchObject({ status: 200, severity: "error", message: expect.stringMatching(/boolean/) });
    expect(violations[4]).not.toHaveProperty("status");
    const report = JSON.stringify(violations);
    expect(report).not.toContain(KEY);
    expect(report).not.toContain("brand_new_field");
    expect(proxy.requests).toBeGreaterThanOrEqual(5);
  });

  it("refuses an upstream with credentials, without echoing them", async () => {
    const error = await startContractProxy("360dialog", { upstream: "https://user:hunter2@hub.example.com" }).catch(
      (e: Error) => e,
    );
    expect((error as Error).message).toMatch(/must not carry credentials/);
    expect((error as Error).message).not.toContain("hunter2");
  });

  it("close() is idempotent", async () => {
    const other = await startContractProxy("bird", { upstream: upstream.url });
    await Promise.all([other.close(), other.close()]);
    await other.close();
    await expect(fetch(other.url)).rejects.toThrow();
  });
});
