import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { PROVIDERS, providerPaths } from "../../scripts/providers.ts";
import { fragmentOwners, NOT_YET_RETRIEVED, readManifest, refreshable } from "../../scripts/sources.ts";

describe.each(PROVIDERS)("%s tracked sources (openapi/%s/sources.json)", (provider) => {
  const manifest = readManifest(provider);

  it("every fragment belongs to exactly one source, and every listed fragment exists", () => {
    const owners = fragmentOwners(manifest);
    const files = readdirSync(providerPaths(provider).fragments).sort();
    expect([...owners.keys()].sort()).toEqual(files);
  });

  it("names each source once, with its page", () => {
    const ids = manifest.sources.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const source of manifest.sources) expect(source.url, source.id).toMatch(/^https:\/\//);
  });

  it("gives a retrieved page a date and a content hash, and a page known only from excerpts neither", () => {
    for (const source of manifest.sources) {
      if (source.retrieved === NOT_YET_RETRIEVED) continue;
      expect(source.retrieved, source.id).toEqual(
        expect.objectContaining({
          date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
          sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
        }),
      );
    }
    expect(manifest.sources.every((s) => s.retrieved === NOT_YET_RETRIEVED || typeof s.retrieved === "object")).toBe(
      true,
    );
  });

  it("marks authored fragments with the prose they were written from, and fetches published pages from their Markdown form", () => {
    for (const source of manifest.sources) {
      if (source.kind === "authored") expect(source.prose?.length, source.id).toBeGreaterThan(0);
      else expect(source.markdown, source.id).toMatch(/\.md$/);
    }
    expect(refreshable(manifest).every((s) => s.kind === "published")).toBe(true);
  });
});

describe("360dialog's tracked pages", () => {
  it("include Channel Management (retrieved) and Webhook Management (not yet retrieved)", () => {
    const sources = readManifest("360dialog").sources;
    const byId = Object.fromEntries(sources.map((s) => [s.id, s]));
    expect(byId["channel-management"]?.fragments).toHaveLength(12);
    expect(byId["webhook-management"]).toEqual(
      expect.objectContaining({
        kind: "published",
        retrieved: NOT_YET_RETRIEVED,
        fragments: [],
        markdown: "https://docs.360dialog.com/partner/partner-api/api-reference/webhook-management.md",
      }),
    );
  });

  it("fails on a fragment claimed by two sources", () => {
    const manifest = readManifest("360dialog");
    manifest.sources[1]?.fragments.push("create_token.yaml");
    expect(() => fragmentOwners(manifest)).toThrow(/create_token\.yaml is claimed by both/);
  });
});
