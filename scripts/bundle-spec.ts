import { readdirSync, writeFileSync } from "node:fs";
import { applyOverlays, type OverlayDocument } from "./apply-overlays.ts";
import { checkListKeys } from "./check-list-keys.ts";
import { lintSpec } from "./lint-spec.ts";
import { type Fragment, mergeFragments } from "./merge-fragments.ts";
import { PROVIDERS, type Provider, parseProvider, providerPaths, ROOT } from "./providers.ts";
import { readSpecFile } from "./read-spec-file.ts";
import { stableJson } from "./stable-json.ts";

const SPEC_FILE = /\.(json|ya?ml)$/;

function readDir(dir: string) {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((name) => SPEC_FILE.test(name))
    .sort()
    .map((name) => ({ file: `${dir}/${name}`, name, doc: readSpecFile(`${dir}/${name}`) }));
}

/**
 * Builds one provider's bundled document: merge fragments, apply overlays (in file-name order), lint.
 * Returns the bundle's bytes; throws on a conflict, an overlay action that matches nothing, or a lint error.
 */
export async function bundleSpec(provider: Provider, root = ROOT): Promise<{ text: string; warnings: number }> {
  const paths = providerPaths(provider, root);
  const fragments: Fragment[] = readDir(paths.fragments).map(({ name, doc }) => ({
    file: `${provider}/fragments/${name}`,
    doc,
  }));
  const merged = mergeFragments(fragments);
  const overlays = readDir(paths.overlays).map(
    ({ name, doc }) => ({ file: `${provider}/overlays/${name}`, doc }) as OverlayDocument,
  );
  const spec = await applyOverlays(merged, overlays);
  const text = stableJson(spec);
  const lint = await lintSpec(text, `openapi/dist/${provider}.json`);
  if (lint.errors > 0) throw new Error(`The ${provider} bundle fails the OpenAPI linter:\n${lint.report}`);
  const keyProblems = checkListKeys(spec as Parameters<typeof checkListKeys>[0]);
  if (keyProblems.length > 0) {
    const lines = keyProblems.map((p) => `  ${p.operation}: ${p.message}`).join("\n");
    throw new Error(`The ${provider} bundle's list keys do not resolve to item fields:\n${lines}`);
  }
  if (lint.report) process.stderr.write(lint.report);
  return { text, warnings: lint.warnings };
}

async function main(argv: string[]) {
  const providers = argv.length > 0 ? argv.map(parseProvider) : PROVIDERS;
  for (const provider of providers) {
    const started = performance.now();
    const { text, warnings } = await bundleSpec(provider);
    writeFileSync(providerPaths(provider).bundle, text);
    const ms = (performance.now() - started).toFixed(0);
    console.log(
      `bundle-spec: openapi/dist/${provider}.json (${text.length} bytes, ${warnings} lint warnings, ${ms} ms)`,
    );
  }
}

if (import.meta.main) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(`bundle-spec: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
