import type { Shape } from "../contract/operation-meta.ts";

/** Why a value does not match a shape: where (a JSON pointer) and which rule. */
export interface ShapeMismatch {
  pointer: string;
  rule: "type" | "enum" | "pattern" | "minimum" | "maximum" | "required";
  message: string;
  /** The offending value, described briefly (drift reports only). */
  sample?: string;
}

const patterns = new Map<string, RegExp>();

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
  if (shape.type !== undefined) {
    const types = typeof shape.type === "string" ? [shape.type] : shape.type;
    if (!types.some((t) => hasType(value, t))) {
      return { pointer, rule: "type", message: `must be ${types.map(article).join(" or ")}, got ${describe(value)}` };
    }
  }
  if (shape.enum && !shape.enum.includes(value)) {
    return {
      pointer,
      rule: "enum",
      message: `must be one of ${shape.enum.map((v) => JSON.stringify(v)).join(", ")}; got ${describe(value)}`,
    };
  }
  if (typeof value === "number") {
    const range = `must be from ${shape.minimum ?? "-∞"} to ${shape.maximum ?? "∞"}, got ${value}`;
    if (shape.minimum !== undefined && value < shape.minimum) return { pointer, rule: "minimum", message: range };
    if (shape.maximum !== undefined && value > shape.maximum) return { pointer, rule: "maximum", message: range };
  }
  if (typeof value === "string" && shape.pattern !== undefined) {
    let re = patterns.get(shape.pattern);
    if (!re) {
      re = new RegExp(shape.pattern, "u");
      patterns.set(shape.pattern, re);
    }
    if (!re.test(value))
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
