import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { extractFragments } from "../../scripts/extract-fragments.ts";
import { providerPaths, ROOT } from "../../scripts/providers.ts";
import { diffSpecs } from "../../scripts/spec-diff.ts";
import { updateSpec } from "../../scripts/update-spec.ts";

const page = readFileSync(new URL("../fixtures/360dialog-channel-management.md", import.meta.url), "utf8");
const fragmentsDir = providerPaths("360dialog").fragments;

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
      { fileName: "channelCreated.json", operationIds: ["channelCreated"], text: `${JSON.stringify(block, null, 2)}\n` },
    ]);
  });

  it("refuses a page whose JSON block is malformed", () => {
    expect(() => extractFragments("```json\n{not json\n```")).toThrow(/JSON block #1 is not valid JSON/);
  });

  describe("on a changed page", () => {
    const root = `${mkdtempSync(join(tmpdir(), "bsp-update-"))}/`;
    afterAll(() => rmSync(root, { recursive: true, force: true }));

    it("rewrites fragments, regenerates, and reports breaking changes", async () => {
      cpSync(`${ROOT}openapi`, `${root}openapi`, { recursive: true });
      cpSync(`${ROOT}generated`, `${root}generated`, { recursive: true });
      // The vendor drops "Disable local storage" and removes a field from ApiKeyOut.
      const sections = page.split("\n## ");
      const changed = sections
        .filter((s) => !s.startsWith("Disable local storage"))
        .join("\n## ")
        .replace(
          '"app_id":{"type":"string","description":"The application ID associated with the API key."}',
          '"app_key":{"type":"string"}',
        );
      expect(changed).not.toBe(page);
      const result = await updateSpec(changed, "360dialog", root);
      expect(result.removed).toEqual(["post_channel_management_docs_api_disable_local_storage.json"]);
      expect(result.written).toEqual(["post_channel_management_docs_api_create_by_channel_id.json"]);
      expect(result.changedFiles).toEqual([
        "openapi/dist/360dialog.json",
        "generated/360dialog.ts",
        "generated/360dialog-meta.ts",
        "generated/360dialog-responses.ts",
      ]);
      const removedOp = result.changes.find((c) => c.kind === "operation-removed");
      expect(removedOp?.subject).toBe(
        "POST /api/v2/partners/{partner_id}/clients/{client_id}/channels/{channel_id}/control/disable_local_storage",
      );
      expect(removedOp?.breaking).toBeTruthy();
      const apiKey = result.changes.find((c) => c.kind === "schema-changed" && c.subject === "ApiKeyOut");
      expect(apiKey?.breaking).toMatch(/field app_id removed/);
      expect(apiKey?.details).toContain("field app_key added");
      expect(result.summary).toMatch(/BREAKING operation-removed/);
      expect(readFileSync(`${root}generated/360dialog.ts`, "utf8")).toContain("app_key?: string");
    });
  });

  it("calls adding an optional field or operation non-breaking, and a new required request field breaking", () => {
    const before = {
      paths: {
        "/a": {
          post: {
            operationId: "a",
            requestBody: { content: { "application/json": { schema: { $ref: "#/components/schemas/In" } } } },
            responses: { "200": { description: "ok" } },
          },
        },
      },
      components: {
        schemas: {
          In: { type: "object", properties: { x: { type: "string" } } },
          Out: { type: "object", properties: { y: { type: "string" } } },
        },
      },
    };
    const after = structuredClone(before) as typeof before & { paths: Record<string, unknown> };
    after.paths["/b"] = { get: { operationId: "b", responses: { "200": { description: "ok" } } } };
    after.components.schemas.Out.properties = { y: { type: "string" }, z: { type: "string" } } as never;
    const additive = diffSpecs(before, after);
    expect(additive.filter((c) => c.breaking)).toEqual([]);
    expect(additive.map((c) => c.kind).sort()).toEqual(["operation-added", "schema-changed"]);

    const stricter = structuredClone(before) as typeof before;
    (stricter.components.schemas.In as Record<string, unknown>).required = ["x"];
    const changes = diffSpecs(before, stricter);
    expect(changes).toEqual([
      expect.objectContaining({ kind: "schema-changed", subject: "In", breaking: "In: field x became required" }),
    ]);
  });
});
