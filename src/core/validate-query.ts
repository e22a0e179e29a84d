import type { QueryMeta } from "./query-meta.ts";

const patterns = new Map<string, RegExp>();

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
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined) continue;
    if (meta?.json?.[name]) {
      if (typeof value !== "string") throw new TypeError(`${name} of ${operation} must be sent JSON-encoded`);
      continue;
    }
    const declared = meta?.types?.[name];
    if (!declared) {
      const known = Object.keys({ ...meta?.types, ...meta?.json });
      throw new TypeError(
        `${operation} has no query parameter "${name}"${known.length ? `. Known: ${known.join(", ")}` : ""}`,
      );
    }
    if (declared.array && !Array.isArray(value)) throw new TypeError(`${name} must be an array`);
    for (const v of declared.array ? (value as unknown[]) : [value]) {
      const ok =
        declared.type === "integer"
          ? Number.isInteger(v)
          : declared.type === "number"
            ? typeof v === "number" && Number.isFinite(v)
            : typeof v === declared.type;
      if (!ok)
        throw new TypeError(
          `${name} must be ${declared.type === "integer" ? "an integer" : `a ${declared.type}`}, got ${JSON.stringify(v)}`,
        );
      const sortKeys = meta?.sortKeys?.[name];
      if (sortKeys && !sortKeys.includes((v as string).startsWith("-") ? (v as string).slice(1) : (v as string))) {
        throw new TypeError(
          `Unknown ${name} key ${JSON.stringify(v)} for ${operation}. Allowed: ${sortKeys.join(", ")} (each also with a leading "-" for descending)`,
        );
      }
      const allowed = meta?.enums?.[name];
      if (allowed && !allowed.includes(v)) {
        throw new TypeError(
          `${name} must be one of ${allowed.map((a) => JSON.stringify(a)).join(", ")}; got ${JSON.stringify(v)}`,
        );
      }
      const bounds = meta?.bounds?.[name];
      if (
        bounds &&
        ((bounds.minimum !== undefined && (v as number) < bounds.minimum) ||
          (bounds.maximum !== undefined && (v as number) > bounds.maximum))
      ) {
        throw new RangeError(`${name} must be from ${bounds.minimum ?? "-∞"} to ${bounds.maximum ?? "∞"}, got ${v}`);
      }
      if (declared.pattern) {
        let re = patterns.get(declared.pattern);
        if (!re) {
          re = new RegExp(declared.pattern, "u");
          patterns.set(declared.pattern, re);
        }
        if (!re.test(v as string))
          throw new TypeError(`${name} must match ${declared.pattern}, got ${JSON.stringify(v)}`);
      }
    }
  }
}
