import { isDeepStrictEqual } from "node:util";

type Json = Record<string, unknown>;
const METHODS = ["get", "put", "post", "delete", "patch", "head", "options"];

export interface SpecChange {
  kind:
    | "operation-added"
    | "operation-removed"
    | "operation-changed"
    | "schema-added"
    | "schema-removed"
    | "schema-changed";
  subject: string;
  /** Why existing callers break; absent for changes that keep existing code working. */
  breaking?: string;
  details: string[];
}

/**
 * Compares two bundled documents and says what changed for the callers of a client generated from
 * them. A change is breaking when code written against the old document stops compiling or starts
 * failing: a removed operation or schema, a new required parameter or field in a request, a removed
 * or retyped field, an enum value removed, a success status removed.
 */
export function diffSpecs(before: Json, after: Json): SpecChange[] {
  const changes: SpecChange[] = [];
  const ops = (doc: Json) => {
    const out = new Map<string, Json>();
    for (const [path, item] of Object.entries((doc.paths ?? {}) as Json)) {
      for (const m of METHODS) {
        const op = (item as Json)[m];
        if (op) out.set(`${m.toUpperCase()} ${path}`, op as Json);
      }
    }
    return out;
  };
  const oldOps = ops(before);
  const newOps = ops(after);
  for (const [key, op] of newOps) {
    if (!oldOps.has(key))
      changes.push({ kind: "operation-added", subject: key, details: [String(op.operationId ?? "")] });
  }
  for (const [key, op] of oldOps) {
    const next = newOps.get(key);
    if (!next) {
      changes.push({
        kind: "operation-removed",
        subject: key,
        breaking: "callers of this operation",
        details: [String(op.operationId ?? "")],
      });
      continue;
    }
    if (isDeepStrictEqual(op, next)) continue;
    const details: string[] = [];
    const breaking: string[] = [];
    const params = (o: Json) =>
      new Map(((o.parameters ?? []) as Json[]).map((p) => [`${String(p.in)}:${String(p.name)}`, p] as const));
    const oldParams = params(op);
    const newParams = params(next);
    for (const [k, p] of newParams) {
      const prev = oldParams.get(k);
      if (!prev) {
        details.push(`parameter ${k} added${p.required ? " (required)" : ""}`);
        if (p.required) breaking.push(`new required parameter ${k}`);
      } else if (!isDeepStrictEqual(prev, p)) {
        details.push(`parameter ${k} changed`);
        if (p.required && !prev.required) breaking.push(`parameter ${k} became required`);
        breaking.push(...schemaBreaks(`parameter ${k}`, before, after, prev.schema, p.schema, "request"));
      }
    }
    for (const k of oldParams.keys()) {
      if (!newParams.has(k)) {
        details.push(`parameter ${k} removed`);
        breaking.push(`parameter ${k} removed`);
      }
    }
    const oldStatuses = Object.keys((op.responses ?? {}) as Json);
    const newStatuses = Object.keys((next.responses ?? {}) as Json);
    for (const s of newStatuses) if (!oldStatuses.includes(s)) details.push(`response ${s} added`);
    for (const s of oldStatuses) {
      if (!newStatuses.includes(s)) {
        details.push(`response ${s} removed`);
        if (s.startsWith("2")) breaking.push(`success response ${s} removed`);
      }
    }
    if (!isDeepStrictEqual(op.requestBody, next.requestBody)) {
      details.push("request body changed");
      const body = (o: Json) =>
        ((o.requestBody as Json | undefined)?.content as Json | undefined)?.["application/json"] as Json | undefined;
      if (!op.requestBody && (next.requestBody as Json | undefined)?.required)
        breaking.push("request body became required");
      breaking.push(...schemaBreaks("request body", before, after, body(op)?.schema, body(next)?.schema, "request"));
    }
    changes.push({
      kind: "operation-changed",
      subject: key,
      details,
      ...(breaking.length ? { breaking: [...new Set(breaking)].join("; ") } : {}),
    });
  }
  const schemas = (doc: Json) => ((doc.components as Json | undefined)?.schemas ?? {}) as Json;
  const oldSchemas = schemas(before);
  const newSchemas = schemas(after);
  for (const name of Object.keys(newSchemas)) {
    if (!(name in oldSchemas)) changes.push({ kind: "schema-added", subject: name, details: [] });
  }
  const requestSide = schemasReachableFromRequests(after);
  for (const [name, schema] of Object.entries(oldSchemas)) {
    if (!(name in newSchemas)) {
      changes.push({ kind: "schema-removed", subject: name, breaking: "code that names this type", details: [] });
    } else if (!isDeepStrictEqual(schema, newSchemas[name])) {
      const side = requestSide.has(name) ? "request" : "either";
      const breaks = schemaBreaks(name, before, after, schema, newSchemas[name], side);
      changes.push({
        kind: "schema-changed",
        subject: name,
        details: describeSchemaChange(schema as Json, newSchemas[name] as Json),
        ...(breaks.length ? { breaking: breaks.join("; ") } : {}),
      });
    }
  }
  return changes;
}

/** Names of the component schemas that request bodies and parameters use, directly or nested. */
function schemasReachableFromRequests(doc: Json): Set<string> {
  const found = new Set<string>();
  const schemas = ((doc.components as Json | undefined)?.schemas ?? {}) as Json;
  const visit = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (node === null || typeof node !== "object") return;
    const ref = (node as Json).$ref;
    if (typeof ref === "string" && ref.startsWith("#/components/schemas/")) {
      const name = ref.slice("#/components/schemas/".length);
      if (!found.has(name)) {
        found.add(name);
        visit(schemas[name]);
      }
    }
    for (const value of Object.values(node as Json)) visit(value);
  };
  for (const item of Object.values((doc.paths ?? {}) as Json)) {
    for (const m of METHODS) {
      const op = (item as Json)[m] as Json | undefined;
      if (op) visit([op.parameters, op.requestBody]);
    }
  }
  return found;
}

function deref(doc: Json, schema: unknown): Json | undefined {
  let node = schema as Json | undefined;
  for (let i = 0; node && typeof node.$ref === "string" && i < 20; i++) {
    const name = (node.$ref as string).split("/").pop() ?? "";
    node = ((doc.components as Json | undefined)?.schemas as Json | undefined)?.[name] as Json | undefined;
  }
  return node;
}

function schemaBreaks(
  label: string,
  beforeDoc: Json,
  afterDoc: Json,
  a: unknown,
  b: unknown,
  side: "request" | "either",
): string[] {
  const before = deref(beforeDoc, a);
  const after = deref(afterDoc, b);
  if (!before || !after) return before && !after ? [`${label} removed`] : [];
  const out: string[] = [];
  if (before.type !== undefined && !isDeepStrictEqual(before.type, after.type)) out.push(`${label}: type changed`);
  if (Array.isArray(before.enum)) {
    const removed = before.enum.filter((v) => !(after.enum as unknown[] | undefined)?.includes(v));
    if (removed.length || !after.enum)
      out.push(`${label}: enum value(s) ${removed.map((v) => JSON.stringify(v)).join(", ")} removed`);
  }
  const oldProps = (before.properties ?? {}) as Json;
  const newProps = (after.properties ?? {}) as Json;
  for (const p of Object.keys(oldProps)) if (!(p in newProps)) out.push(`${label}: field ${p} removed`);
  const oldReq = (before.required ?? []) as string[];
  for (const r of (after.required ?? []) as string[]) {
    if (!oldReq.includes(r) && side === "request") out.push(`${label}: field ${r} became required`);
  }
  for (const p of Object.keys(oldProps)) {
    if (p in newProps) out.push(...schemaBreaks(`${label}.${p}`, beforeDoc, afterDoc, oldProps[p], newProps[p], side));
  }
  return out;
}

function describeSchemaChange(a: Json, b: Json): string[] {
  const out: string[] = [];
  const oldProps = (a.properties ?? {}) as Json;
  const newProps = (b.properties ?? {}) as Json;
  for (const p of Object.keys(newProps)) if (!(p in oldProps)) out.push(`field ${p} added`);
  for (const p of Object.keys(oldProps)) {
    if (!(p in newProps)) out.push(`field ${p} removed`);
    else if (!isDeepStrictEqual(oldProps[p], newProps[p])) out.push(`field ${p} changed`);
  }
  if (!isDeepStrictEqual(a.enum, b.enum)) out.push("enum changed");
  if (!isDeepStrictEqual(a.required, b.required)) out.push("required fields changed");
  return out.length ? out : ["changed"];
}

/** Renders the change list for a reviewer: breaking changes first. */
export function formatChanges(changes: readonly SpecChange[]): string {
  if (changes.length === 0) return "No changes to operations or schemas.";
  const breaking = changes.filter((c) => c.breaking);
  const lines = [`${changes.length} change(s), ${breaking.length} breaking for existing callers.`];
  for (const c of [...breaking, ...changes.filter((c) => !c.breaking)]) {
    lines.push(
      `${c.breaking ? "BREAKING" : "        "} ${c.kind.padEnd(17)} ${c.subject}${c.details.length ? ` (${c.details.join(", ")})` : ""}`,
    );
    if (c.breaking) lines.push(`         why: ${c.breaking}`);
  }
  return lines.join("\n");
}
