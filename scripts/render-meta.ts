type Json = Record<string, unknown>;

/**
 * The shape of one schema as the client checks it at runtime: a JSON Schema subset (type, enum,
 * pattern, bounds, items, required properties). Written here as plain data; src/core/contract/operation-meta.ts
 * declares the type the client reads it as, and the compiler checks the two agree where the generated
 * meta is passed to the client.
 */
type Shape = {
  type?: string | string[];
  enum?: unknown[];
  pattern?: string;
  minimum?: number;
  maximum?: number;
  items?: Shape;
  properties?: Record<string, Shape>;
  required?: string[];
  anyOf?: Shape[];
};

const METHODS = ["get", "put", "post", "delete", "patch", "head", "options"] as const;
/** How deep an error body's required properties are followed: enough to tell the API's body from a gateway's. */
const ERROR_SHAPE_DEPTH = 3;

function resolve(spec: Json, value: unknown): Json {
  let node = value as Json;
  for (let depth = 0; node && typeof node.$ref === "string"; depth++) {
    if (depth > 20) throw new Error(`$ref cycle at ${node.$ref}`);
    const ref = node.$ref as string;
    if (!ref.startsWith("#/")) throw new Error(`Only local $refs are supported in a bundle: ${ref}`);
    node = ref
      .slice(2)
      .split("/")
      .reduce<unknown>((acc, key) => (acc as Json)?.[key.replaceAll("~1", "/").replaceAll("~0", "~")], spec) as Json;
  }
  return node ?? {};
}

/** `allOf` members merged into one schema (properties and required lists united), `$ref`s resolved. */
function flatten(spec: Json, value: unknown): Json {
  const node = resolve(spec, value);
  if (!Array.isArray(node.allOf)) return node;
  const merged: Json = { ...node };
  delete merged.allOf;
  for (const part of node.allOf as unknown[]) {
    const p = flatten(spec, part);
    if (p.type !== undefined && merged.type === undefined) merged.type = p.type;
    if (p.properties) merged.properties = { ...(p.properties as Json), ...((merged.properties as Json) ?? {}) };
    if (Array.isArray(p.required))
      merged.required = [...new Set([...((merged.required as string[]) ?? []), ...(p.required as string[])])];
    if (Array.isArray(p.enum) && merged.enum === undefined) merged.enum = p.enum;
  }
  return merged;
}

/** A value's constraints, without descending into properties (query parameters, filter fields). */
function scalarShape(spec: Json, value: unknown): Shape {
  const schema = flatten(spec, value);
  const shape: Shape = {};
  if (schema.type !== undefined) shape.type = schema.type as string | string[];
  if (Array.isArray(schema.enum)) shape.enum = schema.enum;
  if (typeof schema.pattern === "string") shape.pattern = schema.pattern;
  if (typeof schema.minimum === "number") shape.minimum = schema.minimum;
  if (typeof schema.maximum === "number") shape.maximum = schema.maximum;
  if (schema.type === "array" && schema.items) shape.items = scalarShape(spec, schema.items);
  return shape;
}

/** An error body's type and its required properties (recursively, `depth` levels), which tell it apart. */
function bodyShape(spec: Json, value: unknown, depth: number): Shape {
  const schema = flatten(spec, value);
  const shape: Shape = {};
  if (schema.type !== undefined) shape.type = schema.type as string | string[];
  else if (schema.properties || schema.required) shape.type = "object";
  if (Array.isArray(schema.enum)) shape.enum = schema.enum;
  const required = Array.isArray(schema.required) ? (schema.required as string[]) : [];
  if (required.length > 0) {
    shape.required = required;
    if (depth > 1) {
      const properties: Record<string, Shape> = {};
      for (const name of required) {
        const prop = (schema.properties as Json | undefined)?.[name];
        if (prop !== undefined) properties[name] = bodyShape(spec, prop, depth - 1);
      }
      if (Object.keys(properties).length > 0) shape.properties = properties;
    }
  }
  return shape;
}

function responseShape(spec: Json, status: number, response: unknown): Shape | null {
  const content = resolve(spec, response).content as Json | undefined;
  const json = content?.["application/json"] as Json | undefined;
  if (!json) return null;
  if (!json.schema) return {};
  // Success bodies: only the top-level type is checked on every call (deeper checks are opt-in).
  if (status < 300) {
    const schema = flatten(spec, json.schema);
    const type = schema.type ?? (schema.properties ? "object" : undefined);
    return type === undefined ? {} : { type: type as string | string[] };
  }
  return bodyShape(spec, json.schema, ERROR_SHAPE_DEPTH);
}

/** How deep a full response shape is written; deeper values are not checked for drift. */
const FULL_SHAPE_DEPTH = 12;

/**
 * A response body's whole shape, for opt-in drift checks (`validateResponses`): type, enum, every
 * declared property (present optional ones are checked too), required properties, items and anyOf /
 * oneOf branches. `additionalProperties` is left out on purpose: an additive field is not drift.
 */
function fullShape(spec: Json, value: unknown, depth: number, refs: readonly string[] = []): Shape {
  const ref = (value as Json | undefined)?.$ref;
  // A schema that contains itself is checked down to where it recurs.
  if (typeof ref === "string" && refs.includes(ref)) return {};
  const seen = typeof ref === "string" ? [...refs, ref] : refs;
  const schema = flatten(spec, value);
  const shape: Shape = {};
  if (depth <= 0) return shape;
  if (schema.type !== undefined) shape.type = schema.type as string | string[];
  else if (schema.properties || schema.required) shape.type = "object";
  if (Array.isArray(schema.enum)) shape.enum = schema.enum;
  const branches = (schema.anyOf ?? schema.oneOf) as unknown[] | undefined;
  if (Array.isArray(branches)) shape.anyOf = branches.map((b) => fullShape(spec, b, depth - 1, seen));
  if (schema.items) shape.items = fullShape(spec, schema.items, depth - 1, seen);
  if (schema.properties) {
    const properties: Record<string, Shape> = {};
    for (const [name, prop] of Object.entries(schema.properties as Json)) {
      properties[name] = fullShape(spec, prop, depth - 1, seen);
    }
    shape.properties = properties;
  }
  if (Array.isArray(schema.required) && schema.required.length > 0) shape.required = schema.required as string[];
  return shape;
}

/** The names of the security schemes an operation accepts ([]: sent without authentication). */
function securityOf(spec: Json, op: Json): string[] {
  const requirements = (op.security ?? spec.security ?? []) as Json[];
  return [...new Set(requirements.flatMap((r) => Object.keys(r)))];
}

function queryMeta(spec: Json, op: Json): Json | undefined {
  const params: Record<string, Shape> = {};
  const json: Record<string, Record<string, Shape>> = {};
  const sortKeys: Record<string, string[]> = {};
  for (const raw of (op.parameters ?? []) as unknown[]) {
    const param = resolve(spec, raw);
    if (param.in !== "query") continue;
    const name = String(param.name);
    const content = param.content as Json | undefined;
    if (content?.["application/json"]) {
      const schema = flatten(spec, (content["application/json"] as Json).schema);
      const fields: Record<string, Shape> = {};
      for (const [field, fieldSchema] of Object.entries((schema.properties ?? {}) as Json)) {
        fields[field] = scalarShape(spec, fieldSchema);
      }
      json[name] = fields;
      continue;
    }
    const shape = scalarShape(spec, param.schema);
    // Sort-key enums list every key twice (ascending and "-" descending): keep the keys once.
    const values = (shape.type === "array" ? shape.items?.enum : shape.enum) as unknown[] | undefined;
    if (values) {
      const ascending = values.filter((v): v is string => typeof v === "string" && !v.startsWith("-"));
      if (ascending.length * 2 === values.length && ascending.every((k) => values.includes(`-${k}`))) {
        sortKeys[name] = ascending;
        if (shape.type === "array" && shape.items) delete shape.items.enum;
        else delete shape.enum;
      }
    }
    params[name] = shape;
  }
  const out: Json = {};
  if (Object.keys(params).length > 0) out.params = params;
  if (Object.keys(json).length > 0) out.json = json;
  if (Object.keys(sortKeys).length > 0) out.sortKeys = sortKeys;
  return Object.keys(out).length > 0 ? out : undefined;
}

/**
 * The runtime facts the client reads from the bundle (rule: never restated by hand in src/): the
 * security schemes (with their x-bsp- details) and, for each operation, its declared statuses and the
 * shapes of their bodies, the schemes it accepts, whether it takes a body, its documented rate limit
 * and its pagination fields (`meta`); and what its query parameters accept (`query`).
 */
export function renderMeta(spec: Json): { meta: string; query: string; responses: string } {
  const operations: Json = {};
  const queries: Json = {};
  const fullResponses: Json = {};
  for (const [path, item] of Object.entries((spec.paths ?? {}) as Json)) {
    for (const method of METHODS) {
      const op = (item as Json)[method] as Json | undefined;
      if (!op) continue;
      const responses: Record<string, Shape | null> = {};
      const full: Record<string, Shape | null> = {};
      for (const [status, response] of Object.entries((op.responses ?? {}) as Json)) {
        if (!/^\d{3}$/.test(status)) continue;
        responses[status] = responseShape(spec, Number(status), response);
        const json = (resolve(spec, response).content as Json | undefined)?.["application/json"] as Json | undefined;
        full[status] = json?.schema ? fullShape(spec, json.schema, FULL_SHAPE_DEPTH) : null;
      }
      fullResponses[path] ??= {};
      (fullResponses[path] as Json)[method] = full;
      // The declared statuses are the keys of `responses`.
      const entry: Json = { responses, security: securityOf(spec, op) };
      if (op.requestBody) entry.body = true;
      if (op["x-bsp-rate-limit"]) entry.rateLimit = op["x-bsp-rate-limit"];
      if (op["x-bsp-pagination"]) entry.pagination = op["x-bsp-pagination"];
      const formats = pathFormats(spec, [
        ...(((item as Json).parameters ?? []) as Json[]),
        ...((op.parameters ?? []) as Json[]),
      ]);
      if (formats) entry.pathFormats = formats;
      const query = queryMeta(spec, op);
      if (query) {
        queries[path] ??= {};
        (queries[path] as Json)[method] = query;
      }
      operations[path] ??= {};
      (operations[path] as Json)[method] = entry;
    }
  }
  const securitySchemes: Json = {};
  for (const [name, raw] of Object.entries(((spec.components as Json)?.securitySchemes ?? {}) as Json)) {
    const scheme = resolve(spec, raw);
    const out: Json = { type: scheme.type };
    for (const key of ["in", "name", "scheme"]) if (scheme[key] !== undefined) out[key] = scheme[key];
    if (scheme["x-bsp-prefix"] !== undefined) out.prefix = scheme["x-bsp-prefix"];
    if (scheme["x-bsp-token"] !== undefined) out.token = scheme["x-bsp-token"];
    securitySchemes[name] = out;
  }
  return {
    meta: dedupe(
      `/** Security schemes of the bundle, with the details the client needs to apply them. */\nexport const securitySchemes = ${JSON.stringify(securitySchemes, null, 2)} as const;\n\n` +
        `/** Runtime facts about each operation, read by src/ (statuses and body shapes, auth, rate limits, paging). */\nexport const operations = ${JSON.stringify(operations, null, 2)} as const;\n`,
    ),
    // Kept apart so that apps load it with the first call that has query parameters, not up front.
    query: `/** What each operation's query parameters accept (names, types, enums, bounds, patterns, filter fields, sort keys). */\nexport const query = ${JSON.stringify(queries, null, 2)} as const;\n`,
    // Loaded only by clients with validateResponses on: the whole shape of every response body.
    responses: `/** The whole shape of each operation's response body per status (null: no JSON body), for validateResponses. */\nexport const responses = ${JSON.stringify(fullResponses)} as const;\n`,
  };
}

/** The formats the spec declares for path parameters (`format: uuid`), checked before a call is sent. */
function pathFormats(spec: Json, parameters: Json[]): Json | undefined {
  const formats: Json = {};
  for (const raw of parameters) {
    const parameter = resolve(spec, raw);
    const format = (resolve(spec, (parameter.schema ?? {}) as Json) as Json).format;
    if (parameter.in === "path" && typeof format === "string") formats[parameter.name as string] = format;
  }
  return Object.keys(formats).length > 0 ? formats : undefined;
}

/**
 * Error-body shapes repeat across operations (every operation declares the same 401, 500, 503): each
 * distinct one is written once as a constant and referenced, which keeps the browser bundle small.
 */
function dedupe(source: string): string {
  const counts = new Map<string, number>();
  // Shapes appear as the value of a status key inside `responses`, one per line after pretty-printing.
  const pattern = /"(\d{3})": (\{\n(?: {10}.*\n)*? {8}\})/g;
  for (const match of source.matchAll(pattern)) {
    const body = match[2] as string;
    counts.set(body, (counts.get(body) ?? 0) + 1);
  }
  const names = new Map<string, string>();
  let declarations = "";
  for (const [body, count] of counts) {
    if (count < 2 || body.length < 40) continue;
    const name = `shape${names.size}`;
    names.set(body, name);
    const compact = JSON.stringify(JSON.parse(body), null, 2);
    declarations += `const ${name} = ${compact} as const;\n`;
  }
  const replaced = source.replace(pattern, (whole, status: string, body: string) => {
    const name = names.get(body);
    return name ? `"${status}": ${name}` : whole;
  });
  return `${declarations}${declarations ? "\n" : ""}${replaced}`;
}
