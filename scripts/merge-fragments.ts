import { isDeepStrictEqual } from "node:util";

export interface Fragment {
  /** Where the fragment came from, used in error messages. */
  file: string;
  doc: Record<string, unknown>;
}

type Json = Record<string, unknown>;

/** Top-level fields every fragment of a provider must agree on. */
const SHARED_FIELDS = ["openapi", "info", "servers", "security"] as const;
const HTTP_METHODS = new Set(["get", "put", "post", "delete", "options", "head", "patch", "trace"]);

export class FragmentConflictError extends Error {
  override name = "FragmentConflictError";
}

/**
 * Merges OpenAPI fragments into one document. Identical components are kept once; a component, tag,
 * operation or shared top-level field defined differently by two fragments fails with both file names.
 * A fragment's `x-bsp-source` is copied onto each of its operations so the bundle keeps its provenance.
 */
export function mergeFragments(fragments: readonly Fragment[]): Json {
  if (fragments.length === 0) throw new Error("No fragments to merge");
  const out: Json = {};
  const owner = new Map<string, string>();

  const claim = (key: string, value: unknown, file: string, target: Json, name: string, what: string) => {
    if (!(name in target)) {
      target[name] = structuredClone(value);
      owner.set(key, file);
      return;
    }
    if (!isDeepStrictEqual(target[name], value)) {
      throw new FragmentConflictError(
        `${what} is defined differently in ${owner.get(key)} and ${file}. Make them identical, or resolve the difference with an overlay.`,
      );
    }
  };

  for (const { file, doc } of fragments) {
    for (const field of SHARED_FIELDS) {
      if (field in doc) claim(`top:${field}`, doc[field], file, out, field, `Top-level "${field}"`);
    }
    const source = doc["x-bsp-source"];

    // `webhooks` (OpenAPI 3.1) maps event names to path items, merged by the same rules as `paths`.
    for (const section of ["paths", "webhooks"] as const) {
      const items = doc[section] as Json | undefined;
      if (items === undefined) continue;
      const outItems = objectAt(out, section);
      for (const [name, item] of Object.entries(items)) {
        const outItem = objectAt(outItems, name);
        const where = section === "paths" ? name : `webhook ${name}`;
        for (const [key, value] of Object.entries(item as Json)) {
          const op =
            HTTP_METHODS.has(key) && source !== undefined ? { ...(value as Json), "x-bsp-source": source } : value;
          const what = HTTP_METHODS.has(key)
            ? `Operation ${key.toUpperCase()} ${where}`
            : `Path item field "${key}" of ${where}`;
          claim(`${section}:${name}:${key}`, op, file, outItem, key, what);
        }
      }
    }

    const components = (doc.components ?? {}) as Json;
    const outComponents = objectAt(out, "components");
    for (const [kind, entries] of Object.entries(components)) {
      const outKind = objectAt(outComponents, kind);
      for (const [name, value] of Object.entries(entries as Json)) {
        claim(`component:${kind}:${name}`, value, file, outKind, name, `Component ${kind}/${name}`);
      }
    }

    const tags = (doc.tags ?? []) as Json[];
    out.tags ??= [];
    const outTags = out.tags as Json[];
    for (const tag of tags) {
      const existing = outTags.find((t) => t.name === tag.name);
      if (!existing) {
        outTags.push(structuredClone(tag));
        owner.set(`tag:${String(tag.name)}`, file);
      } else if (!isDeepStrictEqual(existing, tag)) {
        throw new FragmentConflictError(
          `Tag "${String(tag.name)}" is defined differently in ${owner.get(`tag:${String(tag.name)}`)} and ${file}.`,
        );
      }
    }
  }
  (out.tags as Json[]).sort((a, b) => String(a.name).localeCompare(String(b.name)));
  return out;
}

function objectAt(parent: Json, key: string): Json {
  parent[key] ??= {};
  return parent[key] as Json;
}
