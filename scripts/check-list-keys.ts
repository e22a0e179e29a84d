/**
 * A spec lint no declarative ruleset can express: every filter field and sort key of a paginated
 * list operation must name a field of the listed item's schema, followed through `$ref`, `allOf`,
 * nested objects and arrays (`waba_account.name`, `settings.conversational_automation.prompts`).
 *
 * Keys the API accepts without an item field behind them (a free-text search such as `q`, a field the
 * items do not echo) are declared in the operation's `x-bsp-list-keys` extension:
 *
 *   x-bsp-list-keys:
 *     unresolved:
 *       q: "free-text search over name and phone number (guide, filter options)"
 *
 * Each declaration carries its reason; a declared key that does resolve (the declaration is stale) is
 * itself reported, so the list only holds what is still true.
 */

type Schema = {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, Schema>;
  items?: Schema;
  allOf?: Schema[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  enum?: unknown[];
  additionalProperties?: boolean | Schema;
};
type Spec = {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema>; parameters?: Record<string, Parameter> };
};
type Parameter = {
  $ref?: string;
  name?: string;
  in?: string;
  schema?: Schema;
  content?: Record<string, { schema?: Schema }>;
};
type Operation = {
  operationId?: string;
  parameters?: Parameter[];
  responses?: Record<string, { content?: Record<string, { schema?: Schema }> }>;
  "x-bsp-pagination"?: { items?: string; results?: string; style?: string };
  "x-bsp-list-keys"?: { unresolved?: Record<string, string> };
};

export type ListKeyProblem = {
  operation: string;
  kind: "filter" | "sort" | "declaration";
  key: string;
  message: string;
};

function deref(spec: Spec, schema: Schema | undefined, seen = new Set<string>()): Schema | undefined {
  if (!schema?.$ref) return schema;
  if (seen.has(schema.$ref)) return undefined;
  seen.add(schema.$ref);
  const name = schema.$ref.replace("#/components/schemas/", "");
  return deref(spec, spec.components?.schemas?.[name], seen);
}

/** The named property of an object schema (through allOf/anyOf/oneOf and array items), or undefined. */
function property(spec: Spec, schema: Schema | undefined, name: string): Schema | undefined {
  const s = deref(spec, schema);
  if (!s) return undefined;
  if (s.properties && name in s.properties) return s.properties[name];
  for (const part of [...(s.allOf ?? []), ...(s.anyOf ?? []), ...(s.oneOf ?? [])]) {
    const found = property(spec, part, name);
    if (found) return found;
  }
  if (s.items) return property(spec, s.items, name);
  return undefined;
}

/** True when a dotted key names a field of the schema; the first segment may itself contain dots only if the schema has such a property. */
export function resolves(spec: Spec, schema: Schema | undefined, key: string): boolean {
  if (key === "") return true;
  const s = deref(spec, schema);
  if (!s) return false;
  if (s.properties && key in s.properties) return true;
  const dot = key.indexOf(".");
  const head = dot === -1 ? key : key.slice(0, dot);
  const next = property(spec, s, head);
  if (!next) return false;
  return dot === -1 ? true : resolves(spec, next, key.slice(dot + 1));
}

function param(spec: Spec, p: Parameter): Parameter {
  return p.$ref ? (spec.components?.parameters?.[p.$ref.split("/").pop() as string] as Parameter) : p;
}

function filterKeys(spec: Spec, p: Parameter | undefined): string[] {
  if (!p) return [];
  const schema = deref(spec, p.content?.["application/json"]?.schema ?? p.schema);
  return Object.keys(schema?.properties ?? {});
}

function sortKeys(spec: Spec, p: Parameter | undefined): string[] {
  if (!p) return [];
  const schema = deref(spec, p.schema);
  const items = deref(spec, schema?.items ?? schema);
  const values = new Set<string>();
  const collect = (s: Schema | undefined) => {
    const d = deref(spec, s);
    for (const v of d?.enum ?? []) if (typeof v === "string") values.add(v.replace(/^-/, ""));
    for (const part of [...(d?.anyOf ?? []), ...(d?.oneOf ?? [])]) collect(part);
  };
  collect(items);
  return [...values];
}

/** Checks every paginated list operation of a bundled document; returns the problems (empty when clean). */
export function checkListKeys(spec: Spec): ListKeyProblem[] {
  const problems: ListKeyProblem[] = [];
  for (const [path, methods] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const pagination = op["x-bsp-pagination"];
      if (!pagination) continue;
      const operation = `${method.toUpperCase()} ${path}`;
      const itemsField = pagination.items ?? pagination.results;
      const okSchema = deref(spec, op.responses?.["200"]?.content?.["application/json"]?.schema);
      const list = itemsField ? property(spec, okSchema, itemsField) : undefined;
      const item = deref(spec, list)?.items;
      if (!item) {
        problems.push({
          operation,
          kind: "declaration",
          key: String(itemsField),
          message: "the listed items' schema was not found",
        });
        continue;
      }
      const params = (op.parameters ?? []).map((p) => param(spec, p));
      const declared = op["x-bsp-list-keys"]?.unresolved ?? {};
      const seen = new Set<string>();
      for (const [kind, keys] of [
        [
          "filter",
          filterKeys(
            spec,
            params.find((p) => p.in === "query" && p.name === "filters"),
          ),
        ],
        [
          "sort",
          sortKeys(
            spec,
            params.find((p) => p.in === "query" && p.name === "sort"),
          ),
        ],
      ] as const) {
        for (const key of keys) {
          seen.add(key);
          const ok = resolves(spec, item, key);
          if (!ok && !(key in declared)) {
            problems.push({
              operation,
              kind,
              key,
              message: `${kind} key "${key}" names no field of the ${itemsField} items; add the field to the item schema, or declare it under x-bsp-list-keys.unresolved with the reason`,
            });
          }
          if (ok && key in declared) {
            problems.push({
              operation,
              kind: "declaration",
              key,
              message: `"${key}" is declared unresolved but resolves to an item field; remove the declaration`,
            });
          }
        }
      }
      for (const key of Object.keys(declared)) {
        if (!seen.has(key)) {
          problems.push({
            operation,
            kind: "declaration",
            key,
            message: `"${key}" is declared but is neither a filter field nor a sort key`,
          });
        }
        if (!declared[key]?.trim()) {
          problems.push({ operation, kind: "declaration", key, message: `"${key}" is declared without a reason` });
        }
      }
    }
  }
  return problems;
}
