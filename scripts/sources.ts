import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import type { Provider } from "./providers.ts";
import { ROOT } from "./providers.ts";

export const NOT_YET_RETRIEVED = "not yet retrieved";

export interface Retrieval {
  /** The day the content with this hash was retrieved (YYYY-MM-DD). */
  date: string;
  /** SHA-256 of the page's bytes as retrieved. */
  sha256: string;
  /** The captured copy among the project's source documents, where the content came from one. */
  copy?: string;
  note?: string;
}

/** One vendor page the bundle derives from. */
export interface TrackedSource {
  id: string;
  title: string;
  /** `published`: its OpenAPI blocks are the fragments, verbatim. `authored`: fragments written from its prose. */
  kind: "published" | "authored";
  url: string;
  /** The Markdown form the vendor serves, where it serves one; a published page is fetched from it. */
  markdown?: string;
  retrieved: Retrieval | typeof NOT_YET_RETRIEVED;
  /** For authored fragments: the captured copies they were written from. */
  prose?: string[];
  note?: string;
  /** File names under `fragments/` that came from this page. */
  fragments: string[];
}

export interface SourceManifest {
  provider: Provider;
  about: string;
  sources: TrackedSource[];
}

export const manifestPath = (provider: Provider, root = ROOT) => `${root}openapi/${provider}/sources.json`;

export function readManifest(provider: Provider, root = ROOT): SourceManifest {
  return JSON.parse(readFileSync(manifestPath(provider, root), "utf8")) as SourceManifest;
}

export function renderManifest(manifest: SourceManifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

export function writeManifest(manifest: SourceManifest, root = ROOT): void {
  writeFileSync(manifestPath(manifest.provider, root), renderManifest(manifest));
}

export function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** The pages `update-spec` refreshes: published ones with a Markdown form to fetch. */
export function refreshable(manifest: SourceManifest): TrackedSource[] {
  return manifest.sources.filter((s) => s.kind === "published" && s.markdown);
}

/** Which source owns each fragment file; fails when a file is claimed twice. */
export function fragmentOwners(manifest: SourceManifest): Map<string, string> {
  const owners = new Map<string, string>();
  for (const source of manifest.sources) {
    for (const file of source.fragments) {
      const previous = owners.get(file);
      if (previous !== undefined)
        throw new Error(`fragments/${file} is claimed by both "${previous}" and "${source.id}" in sources.json`);
      owners.set(file, source.id);
    }
  }
  return owners;
}
