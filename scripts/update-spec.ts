import { readdirSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { extractFragments } from "./extract-fragments.ts";
import { generate } from "./generate.ts";
import { parseProvider, providerPaths, ROOT } from "./providers.ts";
import { formatSemantic, semanticDiff } from "./semantic-diff.ts";
import { diffSpecs, formatChanges } from "./spec-diff.ts";

/**
 * Replaces a provider's published fragments (`fragments/*.json`) with the ```json blocks of a vendor
 * reference page, keeps the authored ones (`*.yaml`), regenerates, and returns the change summary.
 */
export async function updateSpec(markdown: string, provider = parseProvider("360dialog"), root = ROOT) {
  const paths = providerPaths(provider, root);
  const fragments = extractFragments(markdown);
  if (fragments.length === 0) throw new Error("The page has no ```json blocks with OpenAPI operations");
  let before: Record<string, unknown> = {};
  try {
    before = JSON.parse(readFileSync(paths.bundle, "utf8"));
  } catch {}
  const wanted = new Set(fragments.map((f) => f.fileName));
  const removed = readdirSync(paths.fragments).filter((name) => name.endsWith(".json") && !wanted.has(name));
  for (const name of removed) unlinkSync(`${paths.fragments}/${name}`);
  const written: string[] = [];
  for (const fragment of fragments) {
    const file = `${paths.fragments}/${fragment.fileName}`;
    let previous: string | undefined;
    try {
      previous = readFileSync(file, "utf8");
    } catch {}
    if (previous !== fragment.text) {
      writeFileSync(file, fragment.text);
      written.push(fragment.fileName);
    }
  }
  const changedFiles = await generate(provider, root);
  const after = JSON.parse(readFileSync(paths.bundle, "utf8"));
  const changes = diffSpecs(before, after);
  // The structural summary says what changed; the semantic diff resolves $refs into each operation,
  // so a shared parameter becoming required or a narrowed type is reported where callers meet it.
  const semantic = semanticDiff(before, after);
  return {
    fragments: fragments.length,
    written,
    removed,
    changedFiles,
    changes,
    semantic,
    summary: `${formatChanges(changes)}\n${formatSemantic(semantic)}`,
  };
}

async function readSource(source: string): Promise<string> {
  if (/^https?:\/\//.test(source)) {
    const response = await fetch(source, { signal: AbortSignal.timeout(30_000) });
    if (!response.ok) throw new Error(`GET ${source} answered ${response.status}`);
    return response.text();
  }
  return readFileSync(source, "utf8");
}

async function main(argv: string[]) {
  const [source, providerArg] = argv;
  if (!source) throw new Error("usage: npm run update-spec -- <page.md | https://…/page.md> [provider]");
  const result = await updateSpec(await readSource(source), parseProvider(providerArg ?? "360dialog"));
  console.log(
    `update-spec: ${result.fragments} fragments on the page; ${result.written.length} written, ${result.removed.length} removed.`,
  );
  for (const name of result.written) console.log(`  wrote    fragments/${name}`);
  for (const name of result.removed) console.log(`  removed  fragments/${name}`);
  console.log(
    result.changedFiles.length ? `  regenerated ${result.changedFiles.join(", ")}` : "  generated files unchanged",
  );
  console.log(result.summary);
}

if (import.meta.main) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(`update-spec: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
