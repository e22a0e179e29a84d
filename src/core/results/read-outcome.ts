import type { OperationMeta } from "../contract/operation-meta.ts";
import type { Outcome } from "../contract/outcome.ts";
import { NO_BODY_STATUSES } from "../wire/http-facts.ts";

type Parsed = { ok: true; value: unknown } | { ok: false };

/** The outcome's body parsed as JSON, once however many readers ask (logger, retry decision, errors). */
export function jsonOf(outcome: Outcome & { type: "response" }): Parsed {
  const memo = outcome as { parsed?: Parsed };
  if (memo.parsed) return memo.parsed;
  let result: Parsed = { ok: false };
  if (outcome.text.length > 0 && !outcome.overCap) {
    try {
      result = { ok: true, value: JSON.parse(outcome.text) };
    } catch {}
  }
  memo.parsed = result;
  return result;
}

/**
 * The data of a success that is exactly what the spec promises (a JSON body of the declared top-level
 * type, or no body where none is declared); undefined for anything else, which the error factory
 * describes. Kept apart from the factory so that a call that succeeds never loads it.
 */
export function successValue(
  outcome: Outcome & { type: "response" },
  meta: OperationMeta | undefined,
): { value: unknown } | undefined {
  const { status } = outcome.response;
  const shape = meta?.responses[String(status)];
  if ((NO_BODY_STATUSES.has(status) || shape === null) && outcome.text.length === 0) return { value: undefined };
  const json = jsonOf(outcome);
  if (!json.ok || (shape?.type !== undefined && !hasTopLevelType(json.value, shape.type))) return undefined;
  return { value: json.value };
}

/** The JSON type check of a success body's top level (the error factory explains a mismatch). */
function hasTopLevelType(value: unknown, type: string | readonly string[]): boolean {
  const actual =
    value === null ? "null" : Array.isArray(value) ? "array" : typeof value === "number" ? "number" : typeof value;
  const types = typeof type === "string" ? [type] : type;
  return types.some((t) => t === actual || (t === "integer" && Number.isInteger(value)));
}

/** True when a failure provably happened before anything reached the server. */
export function isConnectionRefused(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 4; depth++) {
    if ((current as { code?: unknown }).code === "ECONNREFUSED") return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

/** The codes and messages of an error and its causes, for a message (redacted by the caller). */
export function describeCause(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current && depth < 4; depth++) {
    const e = current as { message?: unknown; code?: unknown; cause?: unknown };
    const text = [typeof e.code === "string" ? e.code : "", typeof e.message === "string" ? e.message : ""]
      .filter(Boolean)
      .join(" ");
    if (text && !parts.includes(text)) parts.push(text);
    current = e.cause;
  }
  return parts.join(": ") || "unknown network error";
}
