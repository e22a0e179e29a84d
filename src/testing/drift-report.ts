import type { DriftEvent } from "../core/contract/client-options.ts";

type Json = Record<string, unknown>;

/** One distinct drift in a report: an operation, a status and a pointer, and how often it was seen. */
export interface DriftSummaryRow {
  operation: string;
  status: number;
  pointer: string;
  rule: DriftEvent["rule"];
  message: string;
  sample?: string;
  /** Events of this drift in the input. */
  count: number;
}

/** An OpenAPI Overlay 1.0 action suggested by a drift (see `driftReport`). */
export interface OverlayAction {
  target: string;
  description: string;
  update?: unknown;
  remove?: true;
}

/** What `driftReport` makes of a file of drift events. */
export interface DriftReport {
  rows: DriftSummaryRow[];
  /** Lines that were not drift events (blank lines aside). */
  skipped: number;
  /** A Markdown summary to attach to an issue. */
  markdown: string;
  /** An OpenAPI Overlay 1.0 document with one suggestion per drift that can be located in the bundle. */
  overlay: { overlay: "1.0.0"; info: { title: string; version: string }; actions: OverlayAction[] };
}

/**
 * Turns collected drift events (one JSON object a line, the shape `onDrift` receives) into a Markdown
 * summary and OpenAPI Overlay suggestions for the bundled spec: a new enum value is appended to the
 * enum, a changed type widens the declared type with the observed one, a missing required property
 * is no longer required. Suggestions are evidence to review, not fixes to apply blindly.
 *
 * `specs` are the bundled documents to locate each drift in (the package ships them in
 * `openapi/dist/`); an operation found in none gets a row but no suggestion.
 */
export function driftReport(text: string, specs: readonly Json[]): DriftReport {
  const { rows, skipped, total } = collectRows(text);
  const actions = rows.flatMap((row) => suggest(row, specs));
  return {
    rows,
    skipped,
    markdown: renderMarkdown(rows, actions, total, skipped),
    overlay: {
      overlay: "1.0.0",
      info: { title: "Drift observed by bsp-sdk validateResponses", version: "0.0.1" },
      actions,
    },
  };
}

/** The distinct drifts of a JSON Lines text (operation, status, pointer, rule), each counted; other lines skipped. */
function collectRows(text: string): { rows: DriftSummaryRow[]; skipped: number; total: number } {
  const rows = new Map<string, DriftSummaryRow>();
  let skipped = 0;
  let total = 0;
  for (const line of text.split("\n")) {
    if (line.trim() === "") continue;
    const event = parseDriftEvent(line);
    if (!event) {
      skipped += 1;
      continue;
    }
    total += 1;
    const key = `${event.operation}\n${event.status}\n${event.pointer}\n${event.rule}`;
    const row = rows.get(key);
    if (row) row.count += 1;
    else {
      rows.set(key, {
        operation: event.operation,
        status: event.status,
        pointer: event.pointer,
        rule: event.rule,
        message: String(event.message ?? ""),
        ...(typeof event.sample === "string" ? { sample: event.sample } : {}),
        count: 1,
      });
    }
  }
  return { rows: [...rows.values()], skipped, total };
}

/** One line as a drift event, or undefined when it is not one (not JSON, or missing a field). */
function parseDriftEvent(line: string): DriftEvent | undefined {
  let event: Partial<DriftEvent> | null;
  try {
    event = JSON.parse(line);
  } catch {
    return undefined;
  }
  const ok =
    typeof event === "object" &&
    event !== null &&
    typeof event.operation === "string" &&
    typeof event.pointer === "string" &&
    typeof event.status === "number" &&
    (event.rule === "required" || event.rule === "type" || event.rule === "enum");
  return ok ? (event as DriftEvent) : undefined;
}

/** The summary a maintainer attaches to an issue: a table of drifts, then the overlay suggestions. */
function renderMarkdown(rows: DriftSummaryRow[], actions: OverlayAction[], total: number, skipped: number): string {
  const cell = (s: string) => s.replaceAll("|", "\\|").replaceAll("\n", " ");
  return [
    "# API drift report (bsp-sdk)",
    "",
    `${total} drift event${total === 1 ? "" : "s"}, ${rows.length} distinct (operation, status, pointer, rule)${skipped ? `; ${skipped} line(s) skipped as not drift events` : ""}.`,
    "",
    "| operation | status | pointer | rule | seen | sample | what the spec says |",
    "| --- | --- | --- | --- | --- | --- | --- |",
    ...rows.map(
      (r) =>
        `| \`${cell(r.operation)}\` | ${r.status} | \`${cell(r.pointer)}\` | ${r.rule} | ${r.count} | ${r.sample ? `\`${cell(r.sample)}\`` : ""} | ${cell(r.message)} |`,
    ),
    "",
    "## Overlay suggestions",
    "",
    actions.length
      ? `${actions.length} action(s) in the overlay document (OpenAPI Overlay 1.0); review each against the vendor's documentation before adopting it:`
      : "None: no drift could be located in the bundled spec.",
    "",
    ...actions.map((a) => `- \`${a.target}\`: ${a.description}`),
    "",
  ].join("\n");
}

/** The overlay actions that would make the spec accept what was observed. */
function suggest(row: DriftSummaryRow, specs: readonly Json[]): OverlayAction[] {
  for (const spec of specs) {
    const located = locate(row, spec);
    if (located === undefined) continue;
    if (located === null) return [];
    return actionsFor(row, located.at, located.tokens);
  }
  return [];
}

/**
 * The schema a drift's pointer lands on in one spec (for `required`, the object that should hold the
 * property); undefined when the spec has no such operation, null when the pointer leads nowhere in it.
 */
function locate(row: DriftSummaryRow, spec: Json): { at: Located; tokens: string[] } | null | undefined {
  const [method, path] = row.operation.split(" ", 2) as [string, string];
  const tokens = row.pointer
    .split("/")
    .slice(1)
    .map((t) => t.replaceAll("~1", "/").replaceAll("~0", "~"));
  const op = ((spec.paths as Json | undefined)?.[path] as Json | undefined)?.[method.toLowerCase()] as Json | undefined;
  if (!op) return undefined;
  const response = resolveRef(
    spec,
    (op.responses as Json | undefined)?.[String(row.status)],
    `${jp("paths", path, method.toLowerCase(), "responses", String(row.status))}`,
  );
  if (!response) return null;
  const content = ((response.node.content as Json | undefined)?.["application/json"] as Json | undefined)?.schema;
  let at = resolveRef(spec, content, `${response.path}${jp("content", "application/json", "schema")}`);
  for (const token of row.rule === "required" ? tokens.slice(0, -1) : tokens) {
    if (!at) break;
    at = token === "*" ? child(spec, at, "items") : property(spec, at, token);
  }
  return at ? { at, tokens } : null;
}

/** The overlay actions for one located drift: no longer required, one more enum value, or a widened type. */
function actionsFor(row: DriftSummaryRow, at: Located, tokens: string[]): OverlayAction[] {
  const sample = parseSample(row.sample);
  if (row.rule === "required") {
    const name = tokens.at(-1) ?? "";
    return [
      {
        target: `${at.path}.required[?(@ == ${quote(name)})]`,
        description: `${row.operation} answered ${row.status} without "${name}" (${row.count}×): no longer required`,
        remove: true,
      },
    ];
  }
  if (row.rule === "enum") {
    if (sample === undefined) return [];
    // An update merges into the schema, and Overlay 1.0 merges arrays by appending: the value joins the enum.
    return [
      {
        target: at.path,
        description: `${row.operation} answered ${row.status} with ${row.sample} at ${row.pointer} (${row.count}×): a value outside the enum`,
        update: { enum: [sample] },
      },
    ];
  }
  const observed = jsonType(sample);
  const declared = at.node.type;
  if (!observed || declared === undefined) return [];
  const widened = [...new Set([...(Array.isArray(declared) ? declared : [declared]), observed])];
  return [
    {
      target: `${at.path}.type`,
      description: `${row.operation} answered ${row.status} with ${observed} at ${row.pointer} (${row.count}×): remove the declared type…`,
      remove: true,
    },
    { target: at.path, description: `…and declare ${widened.join(" or ")}`, update: { type: widened } },
  ];
}

interface Located {
  node: Json;
  path: string;
}

function resolveRef(spec: Json, value: unknown, path: string): Located | undefined {
  let node = value as Json | undefined;
  let at = path;
  for (let i = 0; node && typeof node.$ref === "string" && i < 20; i++) {
    const ref = node.$ref as string;
    if (!ref.startsWith("#/")) return undefined;
    const keys = ref
      .slice(2)
      .split("/")
      .map((k) => k.replaceAll("~1", "/").replaceAll("~0", "~"));
    node = keys.reduce<unknown>((acc, k) => (acc as Json | undefined)?.[k], spec) as Json | undefined;
    at = `$${jp(...keys)}`;
  }
  return node && typeof node === "object" ? { node, path: at.startsWith("$") ? at : `$${at}` } : undefined;
}

function child(spec: Json, at: Located, key: string): Located | undefined {
  return resolveRef(spec, at.node[key], `${at.path}${jp(key)}`);
}

/** A property's schema, looking through allOf / anyOf / oneOf branches as a validator does. */
function property(spec: Json, at: Located, name: string): Located | undefined {
  const own = (at.node.properties as Json | undefined)?.[name];
  if (own !== undefined) return resolveRef(spec, own, `${at.path}${jp("properties", name)}`);
  for (const group of ["allOf", "anyOf", "oneOf"]) {
    const branches = at.node[group];
    if (!Array.isArray(branches)) continue;
    for (let i = 0; i < branches.length; i++) {
      const branch = resolveRef(spec, branches[i], `${at.path}${jp(group)}[${i}]`);
      const found = branch && property(spec, branch, name);
      if (found) return found;
    }
  }
  return undefined;
}

function jp(...keys: string[]): string {
  return keys.map((k) => `[${quote(k)}]`).join("");
}

function quote(key: string): string {
  return `'${key.replaceAll("\\", "\\\\").replaceAll("'", "\\'")}'`;
}

function parseSample(sample: string | undefined): unknown {
  if (sample === undefined || sample.endsWith("…") || sample.endsWith('…"')) return undefined;
  try {
    return JSON.parse(sample);
  } catch {
    // describe() writes objects and arrays as words, not JSON.
    if (sample === "an object") return {};
    if (sample === "an array") return [];
    return undefined;
  }
}

function jsonType(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}
