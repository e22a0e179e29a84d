import { WebhookVerificationError } from "./webhook-verification-error.ts";

/**
 * A verified body as its event: JSON (UTF-8) with an `event` string. Anything else is refused
 * (`bad_payload`); a payload that is not the documented shape is still an event (vendors add fields
 * and events), so no other field is checked.
 */
export function parseWebhookEvent(bytes: Uint8Array): { event: string } & Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    throw new WebhookVerificationError("bad_payload", "the webhook body is not JSON");
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new WebhookVerificationError("bad_payload", "the webhook body is not a JSON object");
  }
  if (typeof (value as { event?: unknown }).event !== "string") {
    throw new WebhookVerificationError("bad_payload", 'the webhook body has no "event" string');
  }
  return value as { event: string } & Record<string, unknown>;
}

/** Secrets as given: one, or a list during a rotation; empty or non-string ones are a TypeError. */
export function secretList(value: string | readonly string[] | undefined, name: string, who: string): string[] {
  const list = typeof value === "string" ? [value] : Array.isArray(value) ? [...value] : [];
  if (list.length === 0 || list.some((s) => typeof s !== "string" || s.length === 0)) {
    throw new TypeError(
      `${who}: ${name} must be a non-empty string or a list of them (is its environment variable set?)`,
    );
  }
  return list;
}
