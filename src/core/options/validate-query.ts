import type { QueryMeta } from "../contract/operation-meta.ts";
import { checkShape, describe } from "../results/check-shape.ts";

/**
 * Checks a call's query parameters against what the bundled spec declares for the operation (names,
 * types, enums, sort keys, bounds, patterns), so a mistake is a clear TypeError or RangeError before
 * anything is sent rather than a 400 from the server, or a silently ignored parameter.
 */
export function validateQuery(
  query: Record<string, unknown> | undefined,
  meta: QueryMeta | undefined,
  operation: string,
): void {
  if (!query) return;
  for (const name of Object.keys(query)) {
    const value = query[name];
    if (value === undefined) continue;
    if (meta?.json && Object.hasOwn(meta.json, name)) {
      if (typeof value !== "string") throw new TypeError(`${name} of ${operation} must be sent JSON-encoded`);
      continue;
    }
    const shape = meta?.params && Object.hasOwn(meta.params, name) ? meta.params[name] : undefined;
    if (!shape) {
      const known = [...Object.keys(meta?.params ?? {}), ...Object.keys(meta?.json ?? {})];
      throw new TypeError(
        `${operation} has no query parameter ${JSON.stringify(name)}${known.length ? `. Known: ${known.join(", ")}` : ""}. Use extraQuery for parameters the spec does not know yet.`,
      );
    }
    const mismatch = checkShape(value, shape);
    if (mismatch) {
      const error = mismatch.rule === "minimum" || mismatch.rule === "maximum" ? RangeError : TypeError;
      throw new error(`${name} ${mismatch.message} (${operation})`);
    }
    const sortKeys = meta?.sortKeys && Object.hasOwn(meta.sortKeys, name) ? meta.sortKeys[name] : undefined;
    if (sortKeys) {
      for (const v of Array.isArray(value) ? value : [value]) {
        const key = typeof v === "string" && v.startsWith("-") ? v.slice(1) : v;
        if (!sortKeys.includes(key as string)) {
          const prefix = typeof v === "string" && v.startsWith("-") ? "-" : "";
          throw new TypeError(
            `Unknown ${name} key ${describe(v)} for ${operation}${suggest(String(key), sortKeys, "keys", prefix)}. Each key also takes a leading "-" for descending.`,
          );
        }
      }
    }
  }
}

/**
 * Serialises a JSON-encoded query parameter (such as 360dialog's `filters`) after checking each field
 * against the operation's schema: unknown fields, values outside a field's enum or type, and values
 * JSON cannot carry faithfully (NaN, Infinity, BigInt, integers beyond 2^53) are refused before
 * anything is sent. `extra` fields (the escape hatch) are merged last, checked only for JSON safety.
 */
export function serializeJsonQuery(
  name: string,
  value: Record<string, unknown> | undefined,
  extra: Record<string, unknown> | undefined,
  meta: QueryMeta | undefined,
  operation: string,
): string | undefined {
  if (value === undefined && extra === undefined) return undefined;
  for (const [label, object] of [
    [name, value],
    [`extra${name[0]?.toUpperCase()}${name.slice(1)}`, extra],
  ] as const) {
    if (object !== undefined && (object === null || typeof object !== "object" || Array.isArray(object))) {
      throw new TypeError(`${label} must be an object of field names and values`);
    }
  }
  const fields = meta?.json && Object.hasOwn(meta.json, name) ? meta.json[name] : undefined;
  if (!fields) throw new TypeError(`${operation} does not accept ${name}`);
  const out: Record<string, unknown> = {};
  const put = (field: string, fieldValue: unknown) => {
    if (fieldValue !== null && typeof fieldValue === "object") {
      throw new TypeError(`${name}.${field} must be a string, number, boolean or null`);
    }
    if (typeof fieldValue === "bigint" || (typeof fieldValue === "number" && !Number.isFinite(fieldValue))) {
      throw new TypeError(`${name}.${field} must be a finite number, got ${describe(fieldValue)}`);
    }
    if (typeof fieldValue === "number" && Number.isInteger(fieldValue) && !Number.isSafeInteger(fieldValue)) {
      throw new RangeError(`${name}.${field} is beyond the safe integer range (JSON would not carry it exactly)`);
    }
    if (typeof fieldValue === "function" || typeof fieldValue === "symbol") {
      throw new TypeError(`${name}.${field} must be a string, number, boolean or null`);
    }
    Object.defineProperty(out, field, { value: fieldValue, enumerable: true, writable: true, configurable: true });
  };
  for (const field of Object.keys(value ?? {})) {
    const fieldValue = (value as Record<string, unknown>)[field];
    if (fieldValue === undefined) continue;
    if (!Object.hasOwn(fields, field)) {
      throw new TypeError(
        `Unknown ${name} field ${JSON.stringify(field)} for ${operation}${suggest(field, Object.keys(fields))}. Fields the spec does not know yet go in extraFilters.`,
      );
    }
    const shape = fields[field];
    const mismatch = shape ? checkShape(fieldValue, shape) : undefined;
    if (mismatch) throw new TypeError(`${name}.${field} ${mismatch.message}`);
    put(field, fieldValue);
  }
  for (const field of Object.keys(extra ?? {})) {
    const fieldValue = (extra as Record<string, unknown>)[field];
    if (fieldValue !== undefined) put(field, fieldValue);
  }
  return Object.keys(out).length > 0 ? JSON.stringify(out) : undefined;
}

/** " (did you mean …?)" for the closest known names, or a short list when nothing is close. */
function suggest(name: string, known: readonly string[], noun = "fields", prefix = ""): string {
  const distance = (a: string, b: string) => {
    const row = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
      let previous = row[0] as number;
      row[0] = i;
      for (let j = 1; j <= b.length; j++) {
        const current = row[j] as number;
        row[j] = Math.min(current + 1, (row[j - 1] as number) + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
        previous = current;
      }
    }
    return row[b.length] as number;
  };
  const close = known
    .map((k) => ({ k, d: distance(name, k) }))
    .filter(({ d }) => d <= Math.max(2, Math.floor(name.length / 4)))
    .sort((a, b) => a.d - b.d)
    .slice(0, 3)
    .map(({ k }) => k);
  if (close.length > 0) return ` (did you mean ${close.map((k) => JSON.stringify(prefix + k)).join(" or ")}?)`;
  return `. ${known.length} ${noun} are known, such as ${known.slice(0, 8).join(", ")}`;
}
