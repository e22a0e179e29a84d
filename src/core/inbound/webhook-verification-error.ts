const BRAND = Symbol.for("bsp-sdk.WebhookVerificationError");

/**
 * Why a webhook delivery was refused: no signature header, a signature that does not match the body
 * (or a malformed one), a timestamp outside the tolerance (Bird), or a body that is not a JSON event.
 */
export type WebhookVerificationReason = "missing_signature" | "bad_signature" | "stale" | "bad_payload";

/**
 * A refused webhook delivery. Its message names the rule that failed, never the secret, the signing
 * key, the signature or the body, in any rendering (`String`, `JSON.stringify`, `util.inspect`).
 */
export class WebhookVerificationError extends Error {
  override readonly name = "WebhookVerificationError";
  readonly reason: WebhookVerificationReason;

  constructor(reason: WebhookVerificationReason, message: string) {
    super(message);
    this.reason = reason;
    Object.defineProperty(this, BRAND, { value: true });
  }

  /** `instanceof WebhookVerificationError` holds for one from any copy of bsp-sdk (each entry point bundles its own) and any realm. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return isWebhookVerificationError(value);
  }

  /** A plain form for logs: name, reason and message. */
  toJSON() {
    return { name: this.name, reason: this.reason, message: this.message };
  }
}

/** True for a `WebhookVerificationError`, also one created by another copy of bsp-sdk or in another realm. */
export function isWebhookVerificationError(value: unknown): value is WebhookVerificationError {
  return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
}
