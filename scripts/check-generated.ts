import { readFileSync } from "node:fs";
import { bundleSpec } from "./bundle-spec.ts";
import { generateTypes } from "./generate.ts";
import { PROVIDERS, providerPaths, ROOT } from "./providers.ts";

// Regenerates every bundle and generated file in memory and fails if a committed file differs:
// the committed files must be exactly what the fragments and overlays produce.
let stale = 0;
for (const provider of PROVIDERS) {
  const paths = providerPaths(provider);
  const { text } = await bundleSpec(provider);
  const { types, meta, query, responses } = await generateTypes(provider, text);
  for (const [file, expected] of [
    [paths.bundle, text],
    [paths.types, types],
    [paths.meta, meta],
    [paths.query, query],
    [paths.responses, responses],
  ] as const) {
    let actual = "";
    try {
      actual = readFileSync(file, "utf8");
    } catch {}
    if (actual !== expected) {
      stale += 1;
      console.error(`stale: ${file.slice(ROOT.length)} differs from what its fragments and overlays produce`);
    }
  }
}
if (stale > 0) {
  console.error("Run `npm run generate` and commit the result (never edit generated files by hand).");
  process.exit(1);
}
console.log("check:generated: bundles and generated types are up to date");
