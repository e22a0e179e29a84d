import type { Shape } from "../contract/operation-meta.ts";

/** Why a value does not match a shape: where (a JSON pointer) and which rule. */
export interface ShapeMismatch {
  pointer: string;
  rule: "type" | "enum" | "pattern" | "minimum" | "maximum" | "required";
  message: string;
  /** The offending value, described briefly (drift reports only). */
  sample?: string;
}

function typeOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}

export function hasType(value: unknown, type: string): boolean {
  switch (type) {
    case "integer":
      return Number.isSafeInteger(value);
    case "number":
      return typeof value === "number" && Number.isFinite(value);
    case "object":
      return typeof value === "object" && value !== null && !Array.isArray(value);
    case "array":
      return Array.isArray(value);
    case "null":
      return value === null;
    default:
      return typeof value === type;
  }
}

/**
 * The one runtime schema check of the client, for query values, filter fields, error bodies and the
 * top-level type of success bodies. It checks the subset the generator keeps (see operation-meta.ts);
 * properties that are not required are not checked, so responses stay open to additive fields.
 * Returns the first mismatch, or undefined when the value matches.
 */
export function checkShape(value: unknown, shape: Shape, pointer = ""): ShapeMismatch | undefined {
  const kind = typeOrEnumMismatch(value, shape, pointer);
  if (kind) return { pointer, rule: kind.rule, message: kind.message };
  if (typeof value === "number") {
    const range = `must be from ${shape.minimum ?? "-∞"} to ${shape.maximum ?? "∞"}, got ${value}`;
    if (shape.minimum !== undefined && value < shape.minimum) return { pointer, rule: "minimum", message: range };
    if (shape.maximum !== undefined && value > shape.maximum) return { pointer, rule: "maximum", message: range };
  }
  if (typeof value === "string" && shape.pattern !== undefined) {
    if (!new RegExp(shape.pattern, "u").test(value))
      return { pointer, rule: "pattern", message: `must match ${shape.pattern}, got ${describe(value)}` };
  }
  if (Array.isArray(value) && shape.items) {
    for (let i = 0; i < value.length; i++) {
      const inner = checkShape(value[i], shape.items, `${pointer}/${i}`);
      if (inner) return inner;
    }
  }
  if (shape.required && typeof value === "object" && value !== null && !Array.isArray(value)) {
    for (const name of shape.required) {
      const at = `${pointer}/${pointerToken(name)}`;
      if (!Object.hasOwn(value, name))
        return { pointer: at, rule: "required", message: `must have the required property "${name}"` };
      const inner = shape.properties?.[name];
      if (inner) {
        const mismatch = checkShape((value as Record<string, unknown>)[name], inner, at);
        if (mismatch) return mismatch;
      }
    }
  }
  return undefined;
}

/** The two rules both walkers check first: the JSON type, then the enum (the sample describes what came). */
function typeOrEnumMismatch(value: unknown, shape: Shape, pointer: string): ShapeMismatch | undefined {
  if (shape.type !== undefined) {
    const types = typeof shape.type === "string" ? [shape.type] : shape.type;
    if (!types.some((t) => hasType(value, t))) {
      const got = describe(value);
      return { pointer, rule: "type", message: `must be ${types.map(article).join(" or ")}, got ${got}`, sample: got };
    }
  }
  if (shape.enum && !shape.enum.includes(value)) {
    const got = describe(value);
    const allowed = shape.enum.map((v) => JSON.stringify(v)).join(", ");
    return { pointer, rule: "enum", message: `must be one of ${allowed}; got ${got}`, sample: got };
  }
  return undefined;
}

/**
 * Drift: every way a response body departs from its whole declared shape (`validateResponses`),
 * rather than the first. Present properties are checked whether required or not; properties the
 * shape does not declare are not drift (an additive field), so they are never reported. Only the
 * rules that break a reader count: a missing required property, a type change, a value outside an
 * enum. Array items are reported with `*` in place of the index (`/partner_channels/` `*` `/status`),
 * so one drift in many items is one pointer. Stops after `limit` mismatches.
 */
export function collectDrift(
  value: unknown,
  shape: Shape,
  pointer = "",
  out: ShapeMismatch[] = [],
  limit = 50,
): ShapeMismatch[] {
  if (out.length >= limit) return out;
  const kind = typeOrEnumMismatch(value, shape, pointer);
  if (kind) {
    out.push(kind);
    return out;
  }
  if (shape.anyOf && shape.anyOf.length > 0) {
    // The branch that fits best is the one the value was meant as; its mismatches are reported.
    let best: ShapeMismatch[] | undefined;
    for (const branch of shape.anyOf) {
      const found = collectDrift(value, branch, pointer, [], limit);
      if (found.length === 0) return out;
      if (!best || found.length < best.length) best = found;
    }
    for (const m of best ?? []) if (out.length < limit) out.push(m);
    return out;
  }
  if (Array.isArray(value)) {
    if (shape.items) for (const item of value) collectDrift(item, shape.items, `${pointer}/*`, out, limit);
    return out;
  }
  if (typeof value === "object" && value !== null) {
    const record = value as Record<string, unknown>;
    for (const name of shape.required ?? []) {
      if (!Object.hasOwn(record, name)) {
        const at = `${pointer}/${pointerToken(name)}`;
        out.push({ pointer: at, rule: "required", message: `must have the required property "${name}"` });
      }
    }
    for (const [name, inner] of Object.entries(shape.properties ?? {})) {
      if (Object.hasOwn(record, name))
        collectDrift(record[name], inner, `${pointer}/${pointerToken(name)}`, out, limit);
    }
  }
  return out;
}

export function article(type: string): string {
  if (type === "integer") return "an integer (within the safe range)";
  if (type === "array" || type === "object") return `an ${type}`;
  if (type === "null") return "null";
  return `a ${type}`;
}

/** A short, safe description of a value for messages (long strings cut). */
export function describe(value: unknown): string {
  if (typeof value === "bigint") return `BigInt ${value}`;
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : String(value);
  if (typeof value === "string") return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
  if (value === undefined) return "undefined";
  if (value === null) return "null";
  if (typeof value === "object") return Array.isArray(value) ? "an array" : "an object";
  return typeOf(value);
}

/** A name as one JSON-pointer token (RFC 6901: `~` and `/` escaped). */
export function pointerToken(name: string): string {
  return name.replaceAll("~", "~0").replaceAll("/", "~1");
}
