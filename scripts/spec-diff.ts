import { apiCompare } from "api-smart-diff";

type Json = Record<string, unknown>;
type Segment = string | number;

export interface SpecChange {
  /** Where callers meet it: `GET /path`, `webhook channel_created POST`, or `components.schemas.Name`. */
  where: string;
  /** What changed, in the caller's words: `query parameter "region" is now required`. */
  message: string;
  breaking: boolean;
  /** The rule that made it breaking; absent for changes that keep existing callers working. */
  rule?: string;
  /** JSON pointer into the compared documents (parameters, request bodies and responses inlined). */
  pointer: string;
}

interface Diff {
  type: string;
  action: "add" | "remove" | "replace" | "rename";
  path?: Segment[];
  before?: unknown;
  after?: unknown;
}

/** The one diff that decides whether a regeneration breaks callers, named in every summary. */
export const DIFF_NAME = "api-smart-diff over the bundles, with parameters, request bodies and responses inlined";

/** Component kinds inlined before comparing: they are never recursive, unlike schemas. */
const INLINED = new Set(["parameters", "requestBodies", "responses", "headers"]);
const METHODS = new Set(["get", "put", "post", "delete", "options", "head", "patch", "trace"]);

/**
 * Compares two bundled documents and says, operation by operation, what changed for the callers of a
 * client generated from them, and whether it breaks them. This is the only verdict on "breaking".
 *
 * api-smart-diff classifies each change by OpenAPI 3.1 and JSON Schema rules (request and response
 * directions differ: a new required request field breaks callers, a new response field does not) and
 * resolves schema `$ref`s itself, recursive ones included. It does not look through a `$ref`'d
 * parameter that is added (it would call a new required `components.parameters` entry harmless), so
 * parameters, request bodies, responses and headers are inlined into the operations first.
 *
 * Stricter than the library, for callers of generated types (their code stops compiling):
 * - a value removed from an enum, in a request or a response;
 * - a field removed, in a request or a response;
 * - a parameter's type replaced;
 * - a component schema removed (code that names the type).
 */
export function diffSpecs(before: Json, after: Json): SpecChange[] {
  const a = inlineRefs(before);
  const b = inlineRefs(after);
  const { diffs } = apiCompare(a, b) as { diffs: Diff[] };
  const out = new Map<string, SpecChange>();
  for (const diff of diffs) {
    const change = describe(diff, a, b);
    if (!change) continue;
    const key = `${change.where}\u0000${change.message}`;
    const previous = out.get(key);
    if (!previous || (change.breaking && !previous.breaking)) out.set(key, change);
  }
  return [...out.values()].sort(
    (x, y) =>
      Number(y.breaking) - Number(x.breaking) || x.where.localeCompare(y.where) || x.message.localeCompare(y.message),
  );
}

function describe(diff: Diff, before: Json, after: Json): SpecChange | undefined {
  const path = diff.path ?? [];
  const pointer = `/${path.map((s) => String(s).replaceAll("~", "~0").replaceAll("/", "~1")).join("/")}`;
  if (path[0] === "components") {
    // Operations report what reaches callers; a component matters by itself only as a named type.
    if (path[1] !== "schemas" || path.length !== 3 || diff.action === "replace") return undefined;
    const removed = diff.action === "remove";
    return {
      where: `components.schemas.${String(path[2])}`,
      message: removed ? "type removed" : "type added",
      breaking: removed,
      ...(removed ? { rule: "a component schema removed: code that names the type stops compiling" } : {}),
      pointer,
    };
  }
  if (path[0] !== "paths" && path[0] !== "webhooks") return undefined;
  const [section, name, method, ...rest] = path;
  const where = section === "paths" ? `${String(method).toUpperCase()} ${String(name)}` : `webhook ${String(name)}`;
  if (method === undefined || !METHODS.has(String(method))) {
    // A whole path item added or removed: one row per operation it holds.
    const item = (diff.action === "remove" ? diff.before : diff.after) as Json | undefined;
    const methods = Object.keys(item ?? {}).filter((m) => METHODS.has(m));
    if (methods.length === 0) return undefined;
    return operationRow(
      diff,
      section === "paths" ? `${methods.map((m) => m.toUpperCase()).join(", ")} ${String(name)}` : where,
      pointer,
    );
  }
  if (rest.length === 0) return operationRow(diff, where, pointer);
  const doc = diff.action === "remove" ? before : after;
  const opPath = [String(section), String(name), String(method)];
  const operation = at(doc, opPath) as Json;
  const message = changeMessage(diff, rest, operation, at(before, opPath) as Json);
  const rule = breakingRule(diff, rest);
  return { where, message, breaking: rule !== undefined, ...(rule ? { rule } : {}), pointer };
}

function operationRow(diff: Diff, where: string, pointer: string): SpecChange {
  const removed = diff.action === "remove";
  return {
    where,
    message: removed ? "operation removed" : "operation added",
    breaking: removed,
    ...(removed ? { rule: "an operation removed: its callers stop compiling" } : {}),
    pointer,
  };
}

/** Why a change breaks callers, or undefined when it does not. */
function breakingRule(diff: Diff, rest: Segment[]): string | undefined {
  const last = rest.at(-1);
  const parent = rest.at(-2);
  if (diff.action === "remove" && parent === "enum")
    return "an enum value removed: callers that send or compare it stop compiling";
  if (diff.action === "remove" && parent === "properties")
    return "a field removed: callers that send or read it stop compiling";
  if (diff.action === "replace" && last === "type" && rest[0] === "parameters")
    return "a parameter's type replaced: callers that pass the old type stop compiling";
  if (diff.type !== "breaking") return undefined;
  // The library's own breaking rules, named for the reader.
  if (rest[0] === "parameters" && rest.length === 2)
    return diff.action === "add"
      ? "a new required parameter: existing calls omit it"
      : "a parameter removed: callers that pass it stop compiling";
  if (last === "required" || parent === "required") return "made required: existing calls omit it";
  if (last === "type") return "a request type narrowed: values callers send no longer fit";
  if (rest[0] === "responses" && rest.length === 2) return "a response removed: callers that handle it stop compiling";
  return "api-smart-diff: breaking for existing callers";
}

/** Describes a change inside one operation where callers meet it: which parameter, body or response field. */
function changeMessage(diff: Diff, rest: Segment[], operation: Json, beforeOperation: Json | undefined): string {
  const [head, ...tail] = rest;
  if (head === "parameters") {
    const [index, ...inner] = tail;
    const source = (diff.action === "remove" && inner.length === 0 ? beforeOperation : operation) ?? operation;
    const param = (((source.parameters ?? []) as Json[])[Number(index)] ?? {}) as Json;
    const label = `${String(param.in ?? "?")} parameter "${String(param.name ?? "?")}"`;
    if (inner.length === 0) {
      if (diff.action === "add") return param.required ? `new required ${label}` : `new optional ${label}`;
      return `${label} removed`;
    }
    if (inner.length === 1 && inner[0] === "required") {
      return diff.after === true ? `${label} is now required` : `${label} is now optional`;
    }
    if (inner[0] === "schema") return `${label}: ${schemaChange(diff, inner.slice(1))}`;
    return `${label}: ${inner.join(".")} ${verb(diff)}`;
  }
  if (head === "requestBody") {
    const [, mediaType, schema, ...inner] = tail;
    if (tail.length === 0) return `request body ${verb(diff)}`;
    if (schema !== "schema") return `request body (${String(mediaType ?? "")}) ${verb(diff)}`;
    return `request body: ${schemaChange(diff, inner)}`;
  }
  if (head === "responses") {
    const [status, kind, key, schema, ...inner] = tail;
    const label = `response ${String(status)}`;
    if (kind === undefined) return `${label} ${verb(diff)}`;
    if (kind === "content" && schema === "schema") return `${label}: ${schemaChange(diff, inner)}`;
    if (kind === "headers") return `${label}: header "${String(key)}" ${verb(diff)}`;
    return `${label}: ${tail.slice(1).join(".")} ${verb(diff)}`;
  }
  return `${rest.join(".")} ${verb(diff)}`;
}

/** A change inside a schema, named by its field path (`settings.tier`). */
function schemaChange(diff: Diff, inner: Segment[]): string {
  const fields: string[] = [];
  let i = 0;
  for (; i < inner.length; i++) {
    const seg = inner[i];
    if (seg === "properties" && i + 1 < inner.length) {
      fields.push(String(inner[++i]));
    } else if (seg === "items") {
      fields.push("[]");
    } else if (seg === "allOf" || seg === "anyOf" || seg === "oneOf") {
      i += 1;
    } else break;
  }
  const keyword = inner.slice(i);
  const field = fields.join(".").replaceAll(".[]", "[]");
  const subject = field ? `field "${field}": ` : "";
  const [k, index] = keyword;
  if (keyword.length === 0) return `${subject.slice(0, -2) || "schema"} ${verb(diff)}`;
  if (k === "enum") {
    const value = JSON.stringify(diff.action === "remove" ? diff.before : diff.after);
    if (index === undefined) return `${subject}enum ${verb(diff)}`;
    return diff.action === "remove"
      ? `${subject}value ${value} removed from its enum`
      : `${subject}value ${value} ${diff.action === "add" ? "added to" : "changed in"} its enum`;
  }
  if (k === "required" && index !== undefined) {
    const name = String(diff.action === "remove" ? diff.before : diff.after);
    const target = field ? `field "${field}.${name}"` : `field "${name}"`;
    return diff.action === "remove" ? `${target} is now optional` : `${target} is now required`;
  }
  if (k === "type") return `${subject}type ${describeValue(diff.before)} → ${describeValue(diff.after)}`;
  return `${subject}${keyword.join(".")} ${verb(diff)}`;
}

function describeValue(value: unknown): string {
  return value === undefined ? "(none)" : typeof value === "string" ? value : JSON.stringify(value);
}

function verb(diff: Diff): string {
  return { add: "added", remove: "removed", replace: "changed", rename: "renamed" }[diff.action];
}

function at(doc: unknown, path: Segment[]): unknown {
  let node = doc;
  for (const seg of path) node = (node as Json | undefined)?.[String(seg)];
  return node;
}

/**
 * Replaces local `$ref`s to parameters, request bodies, responses and headers by their targets inside
 * `paths` and `webhooks` (schemas keep their `$ref`s: the diff resolves them, recursive ones too).
 */
export function inlineRefs(doc: Json): Json {
  const components = (doc.components ?? {}) as Record<string, Json>;
  const inline = (node: unknown, depth: number): unknown => {
    if (Array.isArray(node)) return node.map((n) => inline(n, depth));
    if (node === null || typeof node !== "object") return node;
    const ref = (node as Json).$ref;
    const match = typeof ref === "string" ? /^#\/components\/([^/]+)\/([^/]+)$/.exec(ref) : null;
    if (match && INLINED.has(match[1] ?? "")) {
      const target = components[match[1] ?? ""]?.[decodeURIComponent(match[2] ?? "")];
      if (target === undefined) throw new Error(`Unresolvable $ref ${ref}`);
      if (depth > 16) throw new Error(`$ref ${ref} nests too deeply`);
      return inline(target, depth + 1);
    }
    return Object.fromEntries(Object.entries(node as Json).map(([k, v]) => [k, inline(v, depth)]));
  };
  const out: Json = { ...doc };
  for (const section of ["paths", "webhooks"]) if (doc[section] !== undefined) out[section] = inline(doc[section], 0);
  return out;
}

/** Renders the change list for a reviewer: breaking changes first, each with the rule that makes it so. */
export function formatChanges(changes: readonly SpecChange[]): string {
  const header = `Change summary (${DIFF_NAME}; this diff alone decides what is breaking):`;
  if (changes.length === 0) return `${header}\nNo change to operations, webhooks or named types.`;
  const breaking = changes.filter((c) => c.breaking).length;
  const lines = [header, `${changes.length} change(s), ${breaking} breaking for existing callers.`];
  for (const c of changes) {
    lines.push(`${c.breaking ? "BREAKING" : "        "}  ${c.where}  ${c.message}`);
    if (c.rule) lines.push(`          why: ${c.rule}`);
  }
  return lines.join("\n");
}
