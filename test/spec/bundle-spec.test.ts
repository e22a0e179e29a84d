import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { bundleSpec } from "../../scripts/bundle-spec.ts";
import { PROVIDERS, providerPaths, ROOT } from "../../scripts/providers.ts";

const temps: string[] = [];
function copyOfRepo(): string {
  const root = `${mkdtempSync(join(tmpdir(), "bsp-bundle-"))}/`;
  temps.push(root);
  cpSync(`${ROOT}openapi`, `${root}openapi`, { recursive: true });
  return root;
}
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("bundle-spec", () => {
  it.each(PROVIDERS)(
    "%s: the committed bundle is what the fragments and overlays produce, byte for byte",
    async (provider) => {
      const first = await bundleSpec(provider);
      const second = await bundleSpec(provider);
      expect(second.text).toBe(first.text);
      expect(first.text).toBe(readFileSync(providerPaths(provider).bundle, "utf8"));
    },
  );

  it("has every operation with an operationId, a summary and error responses", () => {
    const counts: Record<string, number> = {};
    for (const provider of PROVIDERS) {
      const spec = JSON.parse(readFileSync(providerPaths(provider).bundle, "utf8"));
      counts[provider] = 0;
      for (const item of Object.values<Record<string, Record<string, unknown>>>(spec.paths)) {
        for (const op of Object.values(item)) {
          counts[provider] += 1;
          expect(op.operationId).toEqual(expect.any(String));
          expect(op.summary).toEqual(expect.any(String));
          expect(Object.keys(op.responses as object).some((s) => /^[45]/.test(s))).toBe(true);
        }
      }
    }
    expect(counts).toEqual({ "360dialog": 21, bird: 7 });
  });

  it("fails with both file names when two fragments define a component differently", async () => {
    const root = copyOfRepo();
    const dir = providerPaths("360dialog", root).fragments;
    const fragment = JSON.parse(
      readFileSync(`${dir}/post_channel_management_docs_api_create_by_channel_id.json`, "utf8"),
    );
    fragment.components.schemas.DefaultHttpError.description = "changed in one fragment only";
    writeFileSync(`${dir}/post_channel_management_docs_api_create_by_channel_id.json`, JSON.stringify(fragment));
    await expect(bundleSpec("360dialog", root)).rejects.toThrow(
      /Component schemas\/DefaultHttpError is defined differently in 360dialog\/fragments\/\S+ and 360dialog\/fragments\/post_channel_management_docs_api_create_by_channel_id\.json/,
    );
  });

  it("fails when an overlay action no longer matches anything", async () => {
    const root = copyOfRepo();
    writeFileSync(
      `${providerPaths("360dialog", root).overlays}/99-stale.yaml`,
      'overlay: 1.0.0\ninfo: { title: stale, version: "1" }\nactions:\n  - target: "$.paths[\'/gone\'].get"\n    description: gone\n    update: { summary: x }\n',
    );
    await expect(bundleSpec("360dialog", root)).rejects.toThrow(/99-stale\.yaml: action #1 \(gone\) matched nothing/);
  });

  it("fails when the bundle breaks the OpenAPI linter", async () => {
    const root = copyOfRepo();
    writeFileSync(
      `${providerPaths("bird", root).overlays}/99-broken.yaml`,
      'overlay: 1.0.0\ninfo: { title: broken, version: "1" }\nactions:\n  - target: "$.components.schemas.Channel"\n    description: invalid keyword\n    update: { nullable: true }\n',
    );
    await expect(bundleSpec("bird", root)).rejects.toThrow(/fails the OpenAPI linter/);
  });
});
