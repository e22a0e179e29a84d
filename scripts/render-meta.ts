import type { QueryMeta } from "../src/core/query-meta.ts";

type Json = Record<string, unknown>;

const METHODS = ["get", "put", "post", "delete", "patch", "head", "options"] as const;

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

/**
 * The runtime facts the client reads from the bundle (rule: never restated by hand in src/): for each
 * operation, its declared statuses, its documented rate limit, and what its query parameters accept.
 */
export function renderMeta(spec: Json): string {
  const operations: Json = {};
  for (const [path, item] of Object.entries((spec.paths ?? {}) as Json)) {
    for (const method of METHODS) {
      const op = (item as Json)[method] as Json | undefined;
      if (!op) continue;
      const statuses = Object.keys((op.responses ?? {}) as Json)
        .filter((s) => /^\d{3}$/.test(s))
        .map(Number)
        .sort((a, b) => a - b);
      const query: QueryMeta = {};
      for (const raw of (op.parameters ?? []) as unknown[]) {
        const param = resolve(spec, raw);
        if (param.in !== "query") continue;
        const name = String(param.name);
        const content = param.content as Json | undefined;
        if (content?.["application/json"]) {
          const schema = resolve(spec, (content["application/json"] as Json).schema);
          const fields: Record<string, readonly unknown[] | null> = {};
          for (const [field, fieldSchema] of Object.entries((schema.properties ?? {}) as Json)) {
            const resolved = resolve(spec, fieldSchema);
            fields[field] = Array.isArray(resolved.enum) ? resolved.enum : null;
          }
          query.json ??= {};
          query.json[name] = fields;
          continue;
        }
        const schema = resolve(spec, param.schema);
        const items = schema.type === "array" ? resolve(spec, schema.items) : schema;
        query.types ??= {};
        query.types[name] = {
          type: String(items.type ?? "string"),
          ...(schema.type === "array" ? { array: true as const } : {}),
          ...(typeof items.pattern === "string" ? { pattern: items.pattern } : {}),
        };
        if (Array.isArray(items.enum)) {
          const values: unknown[] = items.enum;
          const ascending = values.filter((v): v is string => typeof v === "string" && !v.startsWith("-"));
          const isSort = ascending.length * 2 === values.length && ascending.every((k) => values.includes(`-${k}`));
          if (isSort) {
            query.sortKeys ??= {};
            query.sortKeys[name] = ascending;
          } else {
            query.enums ??= {};
            query.enums[name] = values;
          }
        }
        if (typeof schema.minimum === "number" || typeof schema.maximum === "number") {
          query.bounds ??= {};
          query.bounds[name] = {
            ...(typeof schema.minimum === "number" ? { minimum: schema.minimum } : {}),
            ...(typeof schema.maximum === "number" ? { maximum: schema.maximum } : {}),
          };
        }
      }
      const entry: Json = { operationId: op.operationId, statuses };
      if (op["x-bsp-rate-limit"]) entry.rateLimit = op["x-bsp-rate-limit"];
      if (Object.keys(query).length > 0) entry.query = query;
      operations[path] ??= {};
      (operations[path] as Json)[method] = entry;
    }
  }
  return `/** Runtime facts about each operation, read by src/ (statuses, rate limits, query constraints). */\nexport const operations = ${JSON.stringify(operations, null, 2)} as const;\n`;
}
