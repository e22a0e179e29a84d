import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, rmSync } from "node:fs";
import { build } from "esbuild";
import { ROOT } from "./providers.ts";

// dist/: one ESM file per entry point (esbuild: bundled, dependencies external, modules loaded on
// first use kept behind their dynamic imports in lazy chunks), declarations from tsc, and
// the bundled specs that bsp-sdk/testing serves. Bundling matters at start-up: Node loads a handful
// of files instead of one per source module (see BENCHMARKS.md, cold start).
rmSync(`${ROOT}dist`, { recursive: true, force: true });
// Each entry point is built on its own, so importing one loads a single file (plus openapi-fetch)
// rather than the chunks a cross-entry split would make; code loaded on first use stays in lazy
// chunks. Shared classes stay recognisable across entry points: BspError's instanceof checks a brand.
for (const entry of [
  "src/index.ts",
  "src/360dialog/index.ts",
  "src/bird/index.ts",
  "src/testing/index.ts",
  "src/redis/index.ts",
  "src/cli.ts",
]) {
  await build({
    entryPoints: [`${ROOT}${entry}`],
    outbase: ROOT,
    outdir: `${ROOT}dist`,
    chunkNames: "src/chunks/[name]-[hash]",
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "neutral",
    target: "es2022",
    packages: "external",
    external: ["node:*"],
    logLevel: "warning",
  });
}
execFileSync(
  process.execPath,
  [`${ROOT}node_modules/typescript/bin/tsc`, "-p", `${ROOT}tsconfig.build.json`, "--emitDeclarationOnly"],
  { stdio: "inherit" },
);
mkdirSync(`${ROOT}dist/openapi/dist`, { recursive: true });
cpSync(`${ROOT}openapi/dist`, `${ROOT}dist/openapi/dist`, { recursive: true });
console.log("build: dist/ written");
