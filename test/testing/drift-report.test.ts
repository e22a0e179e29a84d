import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyOverlays } from "../../scripts/apply-overlays.ts";
import { ROOT } from "../../scripts/providers.ts";
import { renderMeta } from "../../scripts/render-meta.ts";
import { createDialog360Client } from "../../src/360dialog/index.ts";
import type { Shape } from "../../src/core/contract/operation-meta.ts";
import { collectDrift } from "../../src/core/results/check-shape.ts";
import type { DriftEvent } from "../../src/index.ts";
import { driftReport } from "../../src/testing/index.ts";
import { startDriftServer } from "../support/drift-server.ts";

const run = promisify(execFile);
const KEY = "report-SECRET-key-4242";
const dir = mkdtempSync(join(tmpdir(), "bsp-drift-"));
const spec = JSON.parse(readFileSync(`${ROOT}openapi/dist/360dialog.json`, "utf8")) as Record<string, unknown>;
let server: Awaited<ReturnType<typeof startDriftServer>>;
const events: DriftEvent[] = [];
beforeAll(async () => {
  server = await startDriftServer(KEY);
  const d360 = createDialog360Client({
    partnerId: "examplePA",
    apiKey: KEY,
    baseUrl: server.url,
    rateLimit: false,
    validateResponses: "warn",
    onDrift: (e) => events.push(e),
  });
  await d360.channels.list().toArray();
  await d360.channels.listBlockedUsers({ channelId: "ch-1" });
  // As a user's onDrift would append them: one JSON object a line (plus a stray line).
  writeFileSync(join(dir, "drift.jsonl"), `${events.map((e) => JSON.stringify(e)).join("\n")}\nnot json\n`);
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("drift report", () => {
  it("npx bsp-sdk drift-report prints a Markdown summary and writes overlay suggestions", async () => {
    const { stdout } = await run(
      process.execPath,
      [`${ROOT}dist/src/cli.js`, "drift-report", join(dir, "drift.jsonl"), "--overlay", join(dir, "overlay.json")],
      { cwd: dir },
    );
    expect(stdout).toMatch(/^# API drift report/);
    expect(stdout).toContain("4 drift events, 4 distinct (operation, status, pointer, rule); 1 line(s) skipped");
    expect(stdout).toContain(
      "| `GET /api/v2/partners/{partner_id}/channels` | 200 | `/partner_channels/*/status` | enum | 1 |",
    );
    expect(stdout).not.toContain(KEY);
    const overlay = JSON.parse(readFileSync(join(dir, "overlay.json"), "utf8"));
    expect(overlay.overlay).toBe("1.0.0");
    expect(overlay.actions.map((a: { target: string }) => a.target)).toEqual([
      "$['components']['schemas']['PartnerChannelsPublicPayload']['properties']['has_inbox'].type",
      "$['components']['schemas']['PartnerChannelsPublicPayload']['properties']['has_inbox']",
      "$['components']['schemas']['PartnerChannelsPublicPayload']['properties']['status']",
      "$['components']['schemas']['GetBlockUsersOut'].required[?(@ == 'status_code')]",
      "$['components']['schemas']['GetBlockUsersDataBlockedUsers'].required[?(@ == 'input')]",
    ]);
  });

  it("npx bsp-sdk drift-report <file> without --overlay prints the summary and writes nothing else", async () => {
    const { stdout } = await run(process.execPath, [`${ROOT}dist/src/cli.js`, "drift-report", "drift.jsonl"], {
      cwd: dir,
    });
    expect(stdout).toMatch(/^# API drift report/);
    expect(stdout).toContain("4 drift events, 4 distinct");
  });

  it("npx bsp-sdk drift-report refuses a missing file argument or a dangling --overlay with its usage", async () => {
    for (const args of [
      [],
      ["drift.jsonl", "--overlay"],
      ["a.jsonl", "b.jsonl"],
      ["drift.jsonl", "--overlay", "o.json", "--x", "1"],
    ]) {
      const failed = await run(process.execPath, [`${ROOT}dist/src/cli.js`, "drift-report", ...args], {
        cwd: dir,
      }).then(
        () => undefined,
        (error: { code: number; stderr: string }) => error,
      );
      expect(failed?.code, args.join(" ")).toBe(2);
      expect(failed?.stderr).toContain("Usage:");
    }
  });

  it("its suggestions, applied to the bundle, make the spec accept what was observed (and only that)", async () => {
    const { overlay } = driftReport(readFileSync(join(dir, "drift.jsonl"), "utf8"), [spec]);
    const patched = await applyOverlays(structuredClone(spec), [{ file: "suggested", doc: overlay }]);
    const full = (s: Record<string, unknown>) => {
      const source = renderMeta(s).responses;
      return JSON.parse(source.slice(source.indexOf("= ") + 2, source.lastIndexOf(" as const")));
    };
    const before = full(spec);
    const after = full(patched);
    const list = (r: Record<string, Record<string, Record<string, Shape>>>) =>
      r["/api/v2/partners/{partner_id}/channels"]?.get?.["200"] as Shape;
    const blocked = (r: Record<string, Record<string, Record<string, Shape>>>) =>
      r["/api/v2/partners/{partner_id}/channels/{channel_id}/block_users"]?.get?.["200"] as Shape;
    const observedBlocked = {
      data: { block_users: [{ wa_id: "4915112345678" }] },
      meta: { success: true, http_code: 200, developer_message: "ok" },
    };
    expect(collectDrift(observedBlocked, blocked(before))).toHaveLength(2);
    expect(collectDrift(observedBlocked, blocked(after))).toEqual([]);
    const sample = (events.find((e) => e.rule === "enum")?.sample ?? "").replace(/^"|"$/g, "");
    const observedList = { partner_channels: [{ has_inbox: "yes", status: sample }] };
    expect(collectDrift(observedList, list(before)).map((m) => m.rule)).toEqual(["type", "enum"]);
    expect(collectDrift(observedList, list(after))).toEqual([]);
    // Only what was observed: another value outside the enum is still drift.
    expect(collectDrift({ partner_channels: [{ status: "other" }] }, list(after)).map((m) => m.rule)).toEqual(["enum"]);
  });
});
