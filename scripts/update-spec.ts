import { readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { basename } from "node:path";
import { extractFragments } from "./extract-fragments.ts";
import { type FetchPageOptions, fetchPage } from "./fetch-page.ts";
import { generate } from "./generate.ts";
import { PROVIDERS, type Provider, parseProvider, providerPaths, ROOT } from "./providers.ts";
import {
  fragmentOwners,
  manifestPath,
  NOT_YET_RETRIEVED,
  readManifest,
  refreshable,
  renderManifest,
  type SourceManifest,
  sha256,
  type TrackedSource,
} from "./sources.ts";
import { diffSpecs, formatChanges, type SpecChange } from "./spec-diff.ts";

/** A page that cannot be used: unreachable, an error status, HTML, no OpenAPI blocks, another page's fragments. */
export class PageError extends Error {
  override name = "PageError";
}

/** The bundle cannot be built once the pages are in: an overlay that stopped matching, a conflict, a lint error. */
export class BundleError extends Error {
  override name = "BundleError";
}

export interface Page {
  /** The manifest entry's id. */
  source: string;
  markdown: string;
}

export interface PageUpdate {
  source: string;
  url: string;
  status: "unchanged" | "changed" | "first retrieval";
  fragments: number;
  written: string[];
  removed: string[];
}

export interface UpdateResult {
  provider: Provider;
  pages: PageUpdate[];
  changedFiles: string[];
  changes: SpecChange[];
  breaking: boolean;
  summary: string;
}

/** Remembers files before they change, so a failed update leaves none of them changed. */
export class FileSnapshot {
  readonly #saved = new Map<string, string | undefined>();
  keep(file: string): void {
    if (this.#saved.has(file)) return;
    let text: string | undefined;
    try {
      text = readFileSync(file, "utf8");
    } catch {}
    this.#saved.set(file, text);
  }
  restore(): void {
    for (const [file, text] of this.#saved) {
      if (text === undefined) {
        try {
          unlinkSync(file);
        } catch {}
      } else writeFileSync(file, text);
    }
  }
}

/**
 * Refreshes tracked pages of one provider: each page's OpenAPI blocks replace that page's own
 * fragments (and no other page's), its manifest entry records the retrieval, the bundle and generated
 * files are rebuilt, and the change summary says what that does to callers. All or nothing: a page
 * that cannot be used, or a bundle that cannot be built, leaves every file as it was.
 */
export async function updateSpec(options: {
  provider: Provider;
  pages: readonly Page[];
  root?: string;
  /** The retrieval date recorded for changed pages. */
  today?: Date;
  /** Shared by several providers' updates, so the caller can undo all of them. */
  snapshot?: FileSnapshot;
}): Promise<UpdateResult> {
  const { provider, pages, root = ROOT } = options;
  const paths = providerPaths(provider, root);
  const manifest = readManifest(provider, root);
  const plan = planUpdate(manifest, pages, options.today ?? new Date(), paths.fragments);
  let before: Record<string, unknown> = {};
  try {
    before = JSON.parse(readFileSync(paths.bundle, "utf8"));
  } catch {}

  const snapshot = options.snapshot ?? new FileSnapshot();
  const touched = [
    manifestPath(provider, root),
    ...[...plan.writes.keys(), ...plan.deletes].map((name) => `${paths.fragments}/${name}`),
    ...[paths.bundle, paths.types, paths.meta, paths.query, paths.responses],
  ];
  for (const file of touched) snapshot.keep(file);
  for (const [name, text] of plan.writes) writeFileSync(`${paths.fragments}/${name}`, text);
  for (const name of plan.deletes) unlinkSync(`${paths.fragments}/${name}`);
  writeFileSync(manifestPath(provider, root), renderManifest(plan.manifest));
  let changedFiles: string[];
  try {
    changedFiles = await generate(provider, root);
  } catch (error) {
    snapshot.restore();
    const ids = pages.map((p) => p.source).join(", ");
    throw new BundleError(
      `The ${provider} bundle cannot be built from the refreshed page(s) ${ids}; nothing was written. ${(error as Error).message}`,
    );
  }
  const after = JSON.parse(readFileSync(paths.bundle, "utf8"));
  const changes = diffSpecs(before, after);
  return {
    provider,
    pages: plan.updates,
    changedFiles,
    changes,
    breaking: changes.some((c) => c.breaking),
    summary: formatChanges(changes),
  };
}

/** Works out every file each page changes, or fails naming every page that cannot be used. */
function planUpdate(manifest: SourceManifest, pages: readonly Page[], today: Date, fragmentsDir: string) {
  const next = structuredClone(manifest);
  const owners = fragmentOwners(manifest);
  const problems: string[] = [];
  const writes = new Map<string, string>();
  const deletes: string[] = [];
  const updates: PageUpdate[] = [];
  for (const page of pages) {
    const source = next.sources.find((s) => s.id === page.source);
    if (!source) {
      problems.push(`"${page.source}" is not a tracked source of ${manifest.provider}`);
      continue;
    }
    const where = `${source.id} (${source.markdown ?? source.url})`;
    let extracted: ReturnType<typeof extractFragments>;
    try {
      extracted = extractFragments(page.markdown);
    } catch (error) {
      problems.push(`${where}: ${(error as Error).message}`);
      continue;
    }
    if (extracted.length === 0) {
      problems.push(`${where}: the page has no OpenAPI blocks (\`\`\`json with paths or webhooks)`);
      continue;
    }
    const foreign = extracted.filter((f) => (owners.get(f.fileName) ?? source.id) !== source.id);
    for (const f of foreign)
      problems.push(`${where}: defines ${f.fileName}, which belongs to "${owners.get(f.fileName)}"`);
    if (foreign.length > 0) continue;
    updates.push(planPage(source, page.markdown, extracted, today, fragmentsDir, writes, deletes));
  }
  if (problems.length > 0) throw new PageError(`Nothing was written:\n  ${problems.join("\n  ")}`);
  return { manifest: next, writes, deletes, updates };
}

function planPage(
  source: TrackedSource,
  markdown: string,
  extracted: ReturnType<typeof extractFragments>,
  today: Date,
  fragmentsDir: string,
  writes: Map<string, string>,
  deletes: string[],
): PageUpdate {
  const written: string[] = [];
  for (const fragment of extracted) {
    let previous: string | undefined;
    try {
      previous = readFileSync(`${fragmentsDir}/${fragment.fileName}`, "utf8");
    } catch {}
    if (previous !== fragment.text) {
      writes.set(fragment.fileName, fragment.text);
      written.push(fragment.fileName);
    }
  }
  const wanted = new Set(extracted.map((f) => f.fileName));
  const removed = source.fragments.filter((name) => !wanted.has(name));
  deletes.push(...removed);
  const hash = sha256(markdown);
  const first = source.retrieved === NOT_YET_RETRIEVED;
  const contentChanged = first || (source.retrieved as { sha256: string }).sha256 !== hash;
  // Unchanged content keeps its record, so a refresh that finds nothing new changes no file.
  if (contentChanged) source.retrieved = { date: today.toISOString().slice(0, 10), sha256: hash };
  source.fragments = [...wanted].sort();
  return {
    source: source.id,
    url: source.markdown ?? source.url,
    status: first ? "first retrieval" : contentChanged ? "changed" : "unchanged",
    fragments: extracted.length,
    written,
    removed,
  };
}

/**
 * Reads every refreshable page of a provider: fetched from its Markdown URL with ky, or from
 * `<from>/<provider>/<id>.md`. Fails naming every page that could not be read, before anything is written.
 */
export async function loadPages(options: {
  provider: Provider;
  root?: string;
  from?: string;
  fetch?: FetchPageOptions;
}): Promise<Page[]> {
  const manifest = readManifest(options.provider, options.root);
  const problems: string[] = [];
  const pages: Page[] = [];
  await Promise.all(
    refreshable(manifest).map(async (source) => {
      try {
        const markdown = options.from
          ? readSaved(`${options.from}/${options.provider}/${source.id}.md`)
          : await fetchPage(source.markdown ?? source.url, options.fetch);
        pages.push({ source: source.id, markdown });
      } catch (error) {
        problems.push(`${source.id}: ${(error as Error).message}`);
      }
    }),
  );
  if (problems.length > 0) throw new PageError(`Nothing was written:\n  ${problems.sort().join("\n  ")}`);
  return pages.sort((a, b) => a.source.localeCompare(b.source));
}

function readSaved(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch {
    throw new PageError(`no saved page at ${file}`);
  }
}

/** Finds the manifest entry a single page belongs to: by URL, by a saved page's name, or by the fragments it defines. */
export function matchSource(manifest: SourceManifest, location: string, markdown: string): TrackedSource {
  const byUrl = manifest.sources.find((s) => s.url === location || s.markdown === location);
  if (byUrl) return byUrl;
  const byName = manifest.sources.find((s) => `${s.id}.md` === basename(location));
  if (byName) return byName;
  let names: string[] = [];
  try {
    names = extractFragments(markdown).map((f) => f.fileName);
  } catch {}
  const scored = manifest.sources
    .map((s) => ({ source: s, overlap: s.fragments.filter((f) => names.includes(f)).length }))
    .filter((s) => s.overlap > 0)
    .sort((a, b) => b.overlap - a.overlap);
  const best = scored[0];
  if (best) return best.source;
  throw new PageError(
    `${location} matches no tracked source of ${manifest.provider}: add it to openapi/${manifest.provider}/sources.json first`,
  );
}

export const SEMVER_RULE =
  "Semver: a summary with a BREAKING row is a major release; new operations, optional fields or enum values are minor; no change to operations is a patch.";

export function formatResult(result: UpdateResult): string {
  const lines: string[] = [];
  for (const page of result.pages) {
    const counts = `${page.fragments} fragment(s) on the page, ${page.written.length} written, ${page.removed.length} removed`;
    lines.push(`${result.provider}: ${page.source} (${page.url}): ${page.status}; ${counts}`);
    for (const name of page.written) lines.push(`  wrote    openapi/${result.provider}/fragments/${name}`);
    for (const name of page.removed) lines.push(`  removed  openapi/${result.provider}/fragments/${name}`);
  }
  lines.push(
    result.changedFiles.length ? `  regenerated ${result.changedFiles.join(", ")}` : "  generated files unchanged",
  );
  lines.push(result.summary);
  return lines.join("\n");
}

async function readLocation(location: string): Promise<string> {
  return /^https?:\/\//.test(location) ? fetchPage(location) : readFileSync(location, "utf8");
}

const USAGE = `usage:
  npm run update-spec [-- --provider <360dialog|bird>] [--from <dir>]   refresh every tracked page (from <dir>/<provider>/<id>.md with --from)
  npm run update-spec -- <page.md | https://…/page.md> [provider]       refresh the one tracked page it is`;

async function main(argv: string[]) {
  if (argv.includes("--help")) return console.log(USAGE);
  const option = (name: string) => {
    const i = argv.indexOf(name);
    return i === -1 ? undefined : argv.splice(i, 2)[1];
  };
  const from = option("--from");
  const providerArg = option("--provider");
  const [location, positionalProvider] = argv;
  if (location?.startsWith("--")) throw new Error(`unknown option ${location}\n${USAGE}`);
  if (location) {
    const provider = parseProvider(positionalProvider ?? providerArg ?? "360dialog");
    const markdown = await readLocation(location);
    const source = matchSource(readManifest(provider), location, markdown);
    const result = await updateSpec({ provider, pages: [{ source: source.id, markdown }] });
    console.log(`update-spec: ${location} is the tracked source "${source.id}" of ${provider}; refreshed that entry.`);
    console.log(formatResult(result));
    return console.log(SEMVER_RULE);
  }
  const providers = providerArg ? [parseProvider(providerArg)] : PROVIDERS;
  const loaded = await Promise.all(
    providers.map(async (provider) => ({ provider, pages: await loadPages({ provider, from }) })),
  );
  const snapshot = new FileSnapshot();
  const results: UpdateResult[] = [];
  try {
    for (const { provider, pages } of loaded) {
      if (pages.length === 0) {
        console.log(`update-spec: ${provider}: no published page is tracked (openapi/${provider}/sources.json)`);
        continue;
      }
      results.push(await updateSpec({ provider, pages, snapshot }));
    }
  } catch (error) {
    snapshot.restore();
    throw error;
  }
  for (const result of results) console.log(formatResult(result));
  console.log(SEMVER_RULE);
}

if (import.meta.main) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(`update-spec: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
