/**
 * Writes the per-method reference pages TypeDoc renders next to the API reference: one page per
 * resource and one per method, each with its HTTP operation (from the provider's operation table,
 * src/<provider>/operations.ts), the statuses the bundled spec declares, the documented rate limit, the retry
 * rule, and the method's `@example` — every example is typechecked against src/ before anything is
 * written, so a page never shows code that does not compile.
 *
 * Run by `npm run docs` and `npm run docs:check` (both part of `npm test`). Output: docs/reference/
 * (not committed; TypeDoc reads it through `projectDocuments`).
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import ts from "typescript";
import { operations as dialog360Ops } from "../generated/360dialog-meta.ts";
import { operations as birdOps } from "../generated/bird-meta.ts";
import { OPERATIONS as dialog360Table } from "../src/360dialog/operations.ts";
import { OPERATIONS as birdTable } from "../src/bird/operations.ts";
import { IDEMPOTENT_METHODS as IDEMPOTENT } from "../src/core/wire/http-facts.ts";
import { ROOT } from "./providers.ts";

interface Resource {
  provider: "360dialog" | "bird";
  /** How the README and examples name the client variable. */
  client: "d360" | "bird";
  name: string;
  file: string;
  /** The interface TypeDoc documents the resource as. */
  typeName: string;
}

const RESOURCES: Resource[] = [
  {
    provider: "360dialog",
    client: "d360",
    name: "channels",
    file: "src/360dialog/channels-resource.ts",
    typeName: "Dialog360ChannelsResource",
  },
  {
    provider: "360dialog",
    client: "d360",
    name: "clients",
    file: "src/360dialog/clients-resource.ts",
    typeName: "Dialog360ClientsResource",
  },
  {
    provider: "360dialog",
    client: "d360",
    name: "partner",
    file: "src/360dialog/partner-resource.ts",
    typeName: "Dialog360PartnerResource",
  },
  {
    provider: "bird",
    client: "bird",
    name: "channels",
    file: "src/bird/channels-resource.ts",
    typeName: "BirdChannelsResource",
  },
  {
    provider: "bird",
    client: "bird",
    name: "webhookSubscriptions",
    file: "src/bird/webhook-subscriptions-resource.ts",
    typeName: "BirdWebhookSubscriptionsResource",
  },
];

export interface MethodDoc {
  resource: Resource;
  name: string;
  summary: string;
  example: string | undefined;
  operation: { path: string; method: string } | undefined;
  /** The result and error types the method's signature names. */
  resultType: string | undefined;
}

const OUT = `${ROOT}docs/reference`;

const TABLES: Record<Resource["provider"], Record<string, { path: string; method: string } | undefined>> = {
  "360dialog": dialog360Table,
  bird: birdTable,
};

/** Every method of every resource, read from the resource's source with the TypeScript parser. */
export function readMethods(): MethodDoc[] {
  const methods: MethodDoc[] = [];
  for (const resource of RESOURCES) {
    const text = readFileSync(`${ROOT}${resource.file}`, "utf8");
    const source = ts.createSourceFile(resource.file, text, ts.ScriptTarget.ES2022, true);
    const returned = findReturnedObject(source);
    if (!returned) throw new Error(`${resource.file}: no returned object literal of methods`);
    for (const prop of returned.properties) {
      const name = prop.name && ts.isIdentifier(prop.name) ? prop.name.text : undefined;
      if (!name) continue;
      const { summary, example } = jsDocOf(prop, text);
      // The provider's operation table names each method's operation (`resource.method`).
      const operation = TABLES[resource.provider][`${resource.name}.${name}`];
      if (!operation) throw new Error(`${resource.file}: ${name} has no entry in the provider's operation table`);
      const resultType = ts.isPropertyAssignment(prop) ? returnTypeOf(prop.initializer, text) : undefined;
      methods.push({ resource, name, summary, example, operation, resultType });
    }
  }
  return methods;
}

function findReturnedObject(node: ts.Node): ts.ObjectLiteralExpression | undefined {
  let found: ts.ObjectLiteralExpression | undefined;
  const visit = (n: ts.Node) => {
    if (found) return;
    if (ts.isReturnStatement(n) && n.expression && ts.isObjectLiteralExpression(n.expression)) found = n.expression;
    else ts.forEachChild(n, visit);
  };
  visit(node);
  return found;
}

function jsDocOf(node: ts.Node, text: string): { summary: string; example: string | undefined } {
  const ranges = ts.getLeadingCommentRanges(text, node.getFullStart()) ?? [];
  const doc = ranges.map((r) => text.slice(r.pos, r.end)).find((c) => c.startsWith("/**"));
  if (!doc) return { summary: "", example: undefined };
  const lines = doc
    .replace(/^\/\*\*\s?/, "")
    .replace(/\s*\*\/$/, "")
    .split("\n")
    .map((l) => l.replace(/^\s*\* ?/, ""));
  const at = lines.findIndex((l) => l.startsWith("@example"));
  const summary = (at === -1 ? lines : lines.slice(0, at)).join("\n").trim();
  const example = at === -1 ? undefined : [lines[at]?.replace(/^@example\s*/, "") ?? "", ...lines.slice(at + 1)];
  return { summary, example: example?.join("\n").trim() || undefined };
}

function returnTypeOf(fn: ts.Expression, text: string): string | undefined {
  if (!ts.isArrowFunction(fn) || !fn.type) return undefined;
  return text.slice(fn.type.pos, fn.type.end).trim();
}

/** Typechecks every example against src/, with a client of each provider in scope. */
export function typecheckExamples(methods: MethodDoc[]): string[] {
  const file = `${ROOT}.tmp/reference-examples.ts`;
  const blocks = methods
    .filter((m) => m.example)
    .map((m) => `// ${m.resource.client}.${m.resource.name}.${m.name}\n{\n${m.example}\n}`);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(
    file,
    [
      'import { createDialog360Client } from "../src/360dialog/index.ts";',
      'import { createBirdClient } from "../src/bird/index.ts";',
      'const d360 = createDialog360Client({ partnerId: "examplePA", apiKey: "key" });',
      'const bird = createBirdClient({ workspaceId: "ws", accessKey: "key" });',
      ...blocks,
      "export {};",
    ].join("\n"),
  );
  const program = ts.createProgram([file], {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2023,
    lib: ["lib.es2023.d.ts", "lib.dom.d.ts", "lib.dom.iterable.d.ts"],
    types: ["node"],
    strict: true,
    noEmit: true,
    allowImportingTsExtensions: true,
    skipLibCheck: true,
  });
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const where =
      d.file && d.start !== undefined
        ? `${d.file.fileName}:${d.file.getLineAndCharacterOfPosition(d.start).line + 1}`
        : "";
    return `${where} ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
  });
}

const KINDS = "`unexpected`, `network`, `timeout` and `rate_limited`";

function methodPage(m: MethodDoc): string {
  const ops = (m.resource.provider === "360dialog" ? dialog360Ops : birdOps) as Record<
    string,
    Record<string, { responses: Record<string, unknown>; rateLimit?: RateRule }>
  >;
  const { path, method } = m.operation ?? { path: "", method: "" };
  const op = ops[path]?.[method];
  if (!op) throw new Error(`${m.resource.client}.${m.resource.name}.${m.name}: ${method} ${path} is not in the bundle`);
  const statuses = Object.keys(op.responses);
  const ok = statuses.filter((s) => s.startsWith("2"));
  const errors = statuses.filter((s) => !s.startsWith("2"));
  const verb = method.toUpperCase();
  const title = `${m.resource.client}.${m.resource.name}.${m.name}`;
  const isList = m.name === "list";
  const types = m.resultType ? [...m.resultType.matchAll(/\b[A-Z]\w+/g)].map((x) => x[0]) : [];
  const named = [...new Set(types.filter((t) => !["Promise", "Result"].includes(t)))];
  const rows = [
    [
      "HTTP operation",
      `\`${verb} ${path}\`${m.name === "get" && m.resource.provider === "360dialog" ? " (filtered by `id`, `limit=1`)" : ""}`,
    ],
    [
      "Returns",
      isList
        ? "a lazy `Paginator` (`for await`, `.pages()`, `.toArray()`, `.first()`)"
        : `\`${m.resultType ?? "Result"}\``,
    ],
    ["Success status", ok.join(", ") || "none declared"],
    [
      "Errors",
      `${errors.length ? `\`kind: "api"\` for ${errors.join(", ")} (declared, body typed per status); ` : ""}${KINDS}`,
    ],
    ["Rate limit", rateText(op.rateLimit)],
    ["Retries", retryText(verb)],
  ];
  const links = named.length
    ? `\nTypes: ${named.map((t) => `{@link ${moduleRef(m.resource)}.${t} | ${t}}`).join(", ")}.\n`
    : "";
  return [
    "---",
    `title: ${m.name}`,
    "---",
    "",
    `# ${title}`,
    "",
    m.summary || `\`${verb} ${path}\``,
    "",
    "| | |",
    "| --- | --- |",
    ...rows.map(([k, v]) => `| ${k} | ${v} |`),
    links,
    ...(m.example ? ["## Example", "", "```ts", m.example, "```", ""] : []),
    `Back to [${m.resource.client}.${m.resource.name}](../${m.resource.name}.md).`,
    "",
  ].join("\n");
}

/** The TypeDoc declaration reference of the resource's entry point ("360dialog" needs quotes). */
function moduleRef(resource: Resource): string {
  return resource.provider === "360dialog" ? '"360dialog"' : "bird";
}

interface RateRule {
  limit: number;
  windowSeconds: number;
  per?: readonly string[];
  bucket?: string;
}

function rateText(rule: RateRule | undefined): string {
  if (!rule) return "none documented (no client-side pacing)";
  const per = rule.per?.length ? ` per ${rule.per.join(" and ")}` : "";
  const shared = rule.bucket ? ` (budget \`${rule.bucket}\`)` : "";
  return `${rule.limit} per ${rule.windowSeconds} s${per}${shared}: paced client-side; \`rateLimit.maxWait\` turns a long wait into \`kind: "rate_limited"\``;
}

function retryText(verb: string): string {
  // The retry policy's own rule, not a copy of it.
  return IDEMPOTENT.has(verb)
    ? "network errors, timeouts, 408, 429 and 5xx, with backoff and `Retry-After` (`retry` option)"
    : "only on 429 or a refused connection (a POST or PATCH may otherwise have been processed)";
}

function resourcePage(resource: Resource, methods: MethodDoc[]): string {
  return [
    "---",
    `title: ${resource.client}.${resource.name}`,
    `group: ${resource.provider}`,
    `children:`,
    ...methods.map((m) => `  - ./${resource.name}/${m.name}.md`),
    "---",
    "",
    `# ${resource.client}.${resource.name}`,
    "",
    `The methods of {@link ${moduleRef(resource)}.${resource.typeName} | ${resource.typeName}}, one page each:`,
    "",
    "| method | operation |",
    "| --- | --- |",
    ...methods.map(
      (m) =>
        `| [${m.name}](./${resource.name}/${m.name}.md) | \`${m.operation?.method.toUpperCase()} ${m.operation?.path}\` |`,
    ),
    "",
  ].join("\n");
}

if (import.meta.main) {
  const methods = readMethods();
  const problems = typecheckExamples(methods);
  if (problems.length) {
    console.error(`reference-docs: ${problems.length} example(s) do not typecheck:\n${problems.join("\n")}`);
    process.exit(1);
  }
  rmSync(OUT, { recursive: true, force: true });
  for (const resource of RESOURCES) {
    const own = methods.filter((m) => m.resource === resource);
    const dir = `${OUT}/${resource.provider}`;
    mkdirSync(`${dir}/${resource.name}`, { recursive: true });
    writeFileSync(`${dir}/${resource.name}.md`, resourcePage(resource, own));
    for (const m of own) writeFileSync(`${dir}/${resource.name}/${m.name}.md`, methodPage(m));
  }
  const missing = methods.filter((m) => !m.example).map((m) => `${m.resource.client}.${m.resource.name}.${m.name}`);
  if (missing.length) {
    console.error(`reference-docs: methods without an @example: ${missing.join(", ")}`);
    process.exit(1);
  }
  console.log(
    `reference-docs: ${RESOURCES.length} resource pages, ${methods.length} method pages, ${methods.length} examples typechecked`,
  );
}
