import { apiCompare } from "api-smart-diff";

type Json = Record<string, unknown>;

export interface SemanticChange {
  /** Where, in the after document's operations (`$ref`s resolved): `GET /path: parameters/0/required`. */
  where: string;
  breaking: boolean;
  description: string;
}

/**
 * An OpenAPI 3.1 semantic diff (api-smart-diff) with `$ref`s resolved into each operation, so that a
 * shared parameter becoming required, or a component's type narrowing, is reported at every operation
 * it reaches. One rule is stricter than the library's: a value removed from an enum is breaking in a
 * response too, because callers of a generated client compare against it (TypeScript then refuses the
 * comparison).
 */
export function semanticDiff(before: Json, after: Json): SemanticChange[] {
  const { diffs } = apiCompare(before, after) as {
    diffs: Array<{ type: string; action: string; path?: Array<string | number>; description?: string }>;
  };
  const out: SemanticChange[] = [];
  for (const diff of diffs) {
    const path = diff.path ?? [];
    // Operation-level entries carry the resolved view; component-level ones repeat them.
    if (path[0] !== "paths") continue;
    const [, route, method, ...rest] = path;
    const enumRemoval = diff.action === "remove" && rest.includes("enum");
    const breaking = diff.type === "breaking" || enumRemoval;
    out.push({
      where: `${String(method).toUpperCase()} ${String(route)}: ${rest.join("/")}`,
      breaking,
      description: diff.description ?? `${diff.action} ${rest.join("/")}`,
    });
  }
  return out;
}

/** The breaking changes as lines for the update-spec summary. */
export function formatSemantic(changes: SemanticChange[]): string {
  const breaking = changes.filter((c) => c.breaking);
  if (breaking.length === 0) return "Semantic diff (api-smart-diff): no breaking change.";
  return [
    `Semantic diff (api-smart-diff): ${breaking.length} breaking change(s):`,
    ...breaking.map((c) => `  BREAKING  ${c.where}  ${c.description}`),
  ].join("\n");
}
