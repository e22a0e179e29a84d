import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { extractFragments } from "../../scripts/extract-fragments.ts";
import { providerPaths } from "../../scripts/providers.ts";
import { readManifest, sha256, writeManifest } from "../../scripts/sources.ts";
import { BundleError, loadPages, matchSource, PageError, updateSpec } from "../../scripts/update-spec.ts";
import { copyOfRepo, removeCopies, snapshotTree } from "../support/repo-copy.ts";

const page = readFileSync(new URL("../fixtures/360dialog-channel-management.md", import.meta.url), "utf8");
const secondPage = readFileSync(new URL("../fixtures/pages/second-page.md", import.meta.url), "utf8");
const fragmentsDir = providerPaths("360dialog").fragments;
afterEach(removeCopies);

/** A copy of the repository whose manifest tracks the test's second page as "webhook-management". */
function copyWithSecondPage() {
  const root = copyOfRepo();
  const manifest = readManifest("360dialog", root);
  const second = manifest.sources.find((s) => s.id === "webhook-management");
  if (!second) throw new Error("webhook-management is not tracked");
  writeManifest(manifest, root);
  return root;
}
const ops = (root: string) => {
  const bundle = JSON.parse(readFileSync(providerPaths("360dialog", root).bundle, "utf8"));
  return {
    paths: Object.keys(bundle.paths),
    webhooks: Object.keys(bundle.webhooks ?? {}),
  };
};

describe("update-spec", () => {
  it("extracts exactly the committed published fragments from the Channel Management page", () => {
    const extracted = extractFragments(page);
    const committed = readdirSync(fragmentsDir)
      .filter((n) => n.endsWith(".json"))
      .sort();
    expect(extracted.map((f) => f.fileName).sort()).toEqual(committed);
    for (const fragment of extracted) {
      expect(fragment.text, fragment.fileName).toBe(readFileSync(`${fragmentsDir}/${fragment.fileName}`, "utf8"));
    }
  });

  it("keeps the published JSON's content identical to the page's", () => {
    const blocks = [...page.matchAll(/```json\n([\s\S]*?)\n```/g)].map((m) => JSON.parse(m[1] ?? ""));
    const extracted = extractFragments(page).map((f) => JSON.parse(f.text));
    expect(extracted).toEqual(blocks);
  });

  it("keeps a block that carries only OpenAPI 3.1 webhooks, named by its operationId", () => {
    const block = {
      openapi: "3.1.0",
      webhooks: { channel_created: { post: { operationId: "channelCreated", responses: { "200": {} } } } },
    };
    const page = `# Webhooks\n\n\`\`\`json\n${JSON.stringify(block)}\n\`\`\`\n\n\`\`\`json\n{"not":"openapi"}\n\`\`\`\n`;
    expect(extractFragments(page)).toEqual([
      {
        fileName: "channelCreated.json",
        operationIds: ["channelCreated"],
        text: `${JSON.stringify(block, null, 2)}\n`,
      },
    ]);
  });

  it("refuses a page whose JSON block is malformed", () => {
    expect(() => extractFragments("```json\n{not json\n```")).toThrow(/JSON block #1 is not valid JSON/);
  });

  describe("tracked pages", () => {
    it("the unchanged Channel Management page reports no change and removes nothing", async () => {
      const root = copyOfRepo();
      const before = snapshotTree(root);
      const result = await updateSpec({
        provider: "360dialog",
        pages: [{ source: "channel-management", markdown: page }],
        root,
      });
      expect(result.pages).toEqual([
        expect.objectContaining({ source: "channel-management", status: "unchanged", written: [], removed: [] }),
      ]);
      expect(result.changes).toEqual([]);
      expect(result.changedFiles).toEqual([]);
      expect(result.summary).toMatch(/No change to operations/);
      expect(snapshotTree(root)).toEqual(before);
    });

    it("records the Channel Management page's content hash as the manifest's", () => {
      const entry = readManifest("360dialog").sources.find((s) => s.id === "channel-management");
      expect(entry?.retrieved).toEqual(expect.objectContaining({ sha256: sha256(page) }));
    });

    it("refreshing one of two tracked pages leaves the other's operations and webhooks in the bundle", async () => {
      const root = copyWithSecondPage();
      const first = await updateSpec({
        provider: "360dialog",
        pages: [
          { source: "channel-management", markdown: page },
          { source: "webhook-management", markdown: secondPage },
        ],
        root,
        today: new Date("2030-01-02T00:00:00Z"),
      });
      expect(first.pages.map((p) => [p.source, p.status, p.written.length])).toEqual([
        ["channel-management", "unchanged", 0],
        ["webhook-management", "first retrieval", 2],
      ]);
      expect(first.changes.filter((c) => c.breaking)).toEqual([]);
      expect(first.summary).toMatch(/GET \/api\/v2\/partners\/\{partner_id\}\/example_events {2}operation added/);
      const entry = readManifest("360dialog", root).sources.find((s) => s.id === "webhook-management");
      expect(entry?.retrieved).toEqual({ date: "2030-01-02", sha256: sha256(secondPage) });
      expect(entry?.fragments).toEqual(["example_event_webhook.json", "get_example_events.json"]);
      const both = ops(root);
      expect(both.paths).toContain("/api/v2/partners/{partner_id}/example_events");
      expect(both.webhooks).toContain("example_event");
      expect(both.webhooks).toContain("channel_created");

      // The channel page changes (one operation dropped): only its own fragments go.
      const changed = page
        .split("\n## ")
        .filter((s) => !s.startsWith("Disable local storage"))
        .join("\n## ");
      const second = await updateSpec({
        provider: "360dialog",
        pages: [{ source: "channel-management", markdown: changed }],
        root,
      });
      expect(second.pages[0]?.removed).toEqual(["post_channel_management_docs_api_disable_local_storage.json"]);
      const after = ops(root);
      expect(after.paths).toContain("/api/v2/partners/{partner_id}/example_events");
      expect(after.webhooks).toContain("example_event");
      expect(after.webhooks).toContain("channel_created");
      expect(readdirSync(providerPaths("360dialog", root).fragments)).toContain("get_example_events.json");
    });

    it("rewrites fragments, regenerates, and reports a removed operation and a removed field as breaking", async () => {
      const root = copyOfRepo();
      // The vendor drops "Disable local storage" and renames a field of ApiKeyOut.
      const changed = page
        .split("\n## ")
        .filter((s) => !s.startsWith("Disable local storage"))
        .join("\n## ")
        .replace(
          '"app_id":{"type":"string","description":"The application ID associated with the API key."}',
          '"app_key":{"type":"string"}',
        );
      const result = await updateSpec({
        provider: "360dialog",
        pages: [{ source: "channel-management", markdown: changed }],
        root,
      });
      expect(result.pages[0]).toEqual(
        expect.objectContaining({
          status: "changed",
          removed: ["post_channel_management_docs_api_disable_local_storage.json"],
          written: ["post_channel_management_docs_api_create_by_channel_id.json"],
        }),
      );
      expect(result.changedFiles).toEqual([
        "openapi/dist/360dialog.json",
        "generated/360dialog.ts",
        "generated/360dialog-meta.ts",
        "generated/360dialog-responses.ts",
      ]);
      expect(result.breaking).toBe(true);
      const rows = result.changes.map((c) => `${c.breaking ? "BREAKING " : ""}${c.where}: ${c.message}`);
      expect(rows).toContain(
        "BREAKING POST /api/v2/partners/{partner_id}/clients/{client_id}/channels/{channel_id}/control/disable_local_storage: operation removed",
      );
      expect(rows).toContain(
        'BREAKING POST /api/v2/partners/{partner_id}/channels/{channel_id}/api_keys: response 200: field "app_id" removed',
      );
      expect(result.summary).not.toMatch(/undefined/);
      expect(readFileSync(`${root}generated/360dialog.ts`, "utf8")).toContain("app_key?: string");
      expect(readManifest("360dialog", root).sources[0]?.fragments).not.toContain(
        "post_channel_management_docs_api_disable_local_storage.json",
      );
    });

    it("writes nothing when one page of two has no OpenAPI blocks", async () => {
      const root = copyWithSecondPage();
      const before = snapshotTree(root);
      const run = updateSpec({
        provider: "360dialog",
        pages: [
          { source: "channel-management", markdown: page.replace("Disable local storage", "Off") },
          { source: "webhook-management", markdown: "# Webhook Management\n\nNo blocks any more.\n" },
        ],
        root,
      });
      await expect(run).rejects.toThrow(PageError);
      await expect(run).rejects.toThrow(
        /webhook-management \(https:\/\/\S+webhook-management\.md\): the page has no OpenAPI blocks/,
      );
      expect(snapshotTree(root)).toEqual(before);
    });

    it("refuses a page that defines another page's fragment", async () => {
      const root = copyWithSecondPage();
      await expect(
        updateSpec({ provider: "360dialog", pages: [{ source: "webhook-management", markdown: page }], root }),
      ).rejects.toThrow(
        /defines delete_channel_management_docs_api_unblock_users\.json, which belongs to "channel-management"/,
      );
    });

    it("restores every file when the bundle cannot be built, naming the overlay that stopped matching", async () => {
      const root = copyOfRepo();
      const before = snapshotTree(root);
      // The blocked-users operations vanish; an overlay still targets them.
      const changed = page
        .split("\n## ")
        .filter((s) => !/^(Get|Block|Unblock) /.test(s) || !/block_users/.test(s))
        .join("\n## ");
      expect(extractFragments(changed).length).toBeLessThan(extractFragments(page).length);
      const run = updateSpec({
        provider: "360dialog",
        pages: [{ source: "channel-management", markdown: changed }],
        root,
      });
      await expect(run).rejects.toThrow(BundleError);
      await expect(run).rejects.toThrow(/overlays\/\S+\.yaml: action #\d+ .* matched nothing/);
      expect(snapshotTree(root)).toEqual(before);
    });

    it("reads saved pages named after their manifest entries, and fails on a missing one", async () => {
      const root = copyWithSecondPage();
      const dir = `${root}saved`;
      mkdirSync(`${dir}/360dialog`, { recursive: true });
      writeFileSync(`${dir}/360dialog/channel-management.md`, page);
      await expect(loadPages({ provider: "360dialog", root, from: dir })).rejects.toThrow(
        /webhook-management: no saved page at \S+saved\/360dialog\/webhook-management\.md/,
      );
      writeFileSync(`${dir}/360dialog/webhook-management.md`, secondPage);
      const pages = await loadPages({ provider: "360dialog", root, from: dir });
      expect(pages.map((p) => p.source)).toEqual(["channel-management", "webhook-management"]);
      expect(await loadPages({ provider: "bird", root, from: dir })).toEqual([]);
    });

    it("finds the manifest entry of a single page by URL, by saved name, or by the fragments it defines", () => {
      const manifest = readManifest("360dialog");
      const url = "https://docs.360dialog.com/partner/partner-api/api-reference/channel-management.md";
      expect(matchSource(manifest, url, "").id).toBe("channel-management");
      expect(matchSource(manifest, "/tmp/webhook-management.md", "").id).toBe("webhook-management");
      expect(matchSource(manifest, "test/fixtures/360dialog-channel-management.md", page).id).toBe(
        "channel-management",
      );
      expect(() => matchSource(manifest, "elsewhere.md", secondPage)).toThrow(/matches no tracked source of 360dialog/);
    });
  });
});
