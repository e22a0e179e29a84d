import type { webhooks } from "../../generated/360dialog.ts";
import type { UnknownWebhookEvent, WebhookBody } from "../core/contract/webhook-event.ts";
import {
  createWebhookHandler as createHandler,
  type WebhookHandlerOptions,
} from "../core/inbound/create-webhook-handler.ts";
import { fromBase64, fromHex } from "../core/inbound/encodings.ts";
import { verifyHmac } from "../core/inbound/hmac.ts";
import { parseWebhookEvent, secretList } from "../core/inbound/parse-webhook-event.ts";
import { type RawWebhookBody, rawBodyBytes } from "../core/inbound/raw-body.ts";
import { readHeader, type WebhookHeaders } from "../core/inbound/read-header.ts";
import { WebhookVerificationError } from "../core/inbound/webhook-verification-error.ts";

/** The header 360dialog puts each partner webhook's signature in. */
export const DIALOG360_SIGNATURE_HEADER = "x-360dialog-signature";

/** The partner webhook events documented by 360dialog, by their `event` value. */
export type Dialog360WebhookEventName = keyof webhooks;

/** A documented partner webhook event (`client_created`, `channel_created`, …), typed from the spec. */
export type KnownDialog360WebhookEvent = {
  [K in Dialog360WebhookEventName]: WebhookBody<webhooks[K]>;
}[Dialog360WebhookEventName];

/**
 * What `unwrapWebhook` returns: a documented event, narrowed by `switch (event.event)`, or an event
 * this version does not know (the `default` branch), passed through as sent.
 */
export type Dialog360WebhookEvent = KnownDialog360WebhookEvent | UnknownWebhookEvent;

/** How 360dialog signs the partner's webhooks. */
export interface Dialog360WebhookOptions {
  /**
   * The partner's platform secret (360dialog Hub → Integration). During a rotation, give both the new
   * and the old one: a delivery signed with either is accepted.
   */
  secret: string | readonly string[];
}

/**
 * Verifies a partner webhook and returns its event. 360dialog signs "the webhook event's body with
 * HMAC-SHA256" using the platform secret and sends the signature in `x-360dialog-signature`; the
 * check runs over the exact bytes received, in constant time (WebCrypto `crypto.subtle.verify`). The
 * vendor's text does not name the signature's encoding: hex (what receivers of real deliveries decode)
 * and base64 are both accepted, with or without a `sha256=` prefix; the lengths of a SHA-256 in each
 * (64 and 44 characters) cannot be confused.
 *
 * Throws a `WebhookVerificationError` (`missing_signature`, `bad_signature`, `bad_payload`) for a
 * delivery to refuse, and a TypeError for a parsed body (pass the raw text or bytes) or a missing
 * secret. 360dialog's signature has no timestamp, so a replayed delivery verifies: make handlers
 * idempotent (360dialog retries too).
 *
 * @example
 * const event = await unwrapWebhook(await request.text(), request.headers, { secret: process.env.D360_PLATFORM_SECRET });
 * if (event.event === "channel_created") await d360.channels.createApiKey({ channelId: String(event.client_id) });
 */
export async function unwrapWebhook(
  body: RawWebhookBody,
  headers: WebhookHeaders,
  options: Dialog360WebhookOptions,
): Promise<Dialog360WebhookEvent> {
  const secrets = secretList(options?.secret, "secret", "unwrapWebhook");
  const bytes = rawBodyBytes(body, "unwrapWebhook");
  const header = readHeader(headers ?? {}, DIALOG360_SIGNATURE_HEADER);
  if (!header) {
    throw new WebhookVerificationError("missing_signature", `the ${DIALOG360_SIGNATURE_HEADER} header is missing`);
  }
  const signature = decodeSignature(header);
  if (!signature) {
    throw new WebhookVerificationError(
      "bad_signature",
      `the ${DIALOG360_SIGNATURE_HEADER} header is not an HMAC-SHA256 signature (hex or base64)`,
    );
  }
  if (!(await verifyHmac(secrets, signature, bytes))) {
    throw new WebhookVerificationError(
      "bad_signature",
      "the signature does not match the body: verify the exact bytes received, with the platform secret",
    );
  }
  return parseWebhookEvent(bytes) as unknown as Dialog360WebhookEvent;
}

/** A signature's 32 bytes from hex (64 characters) or base64 (43 or 44), an optional `sha256=` prefix dropped. */
function decodeSignature(header: string): Uint8Array | undefined {
  const value = header.replace(/^sha256=/i, "");
  const bytes = value.length === 64 ? fromHex(value) : fromBase64(value);
  return bytes?.length === 32 ? bytes : undefined;
}

/** Options of the 360dialog `createWebhookHandler`: the platform secret, and callbacks by event. */
export interface Dialog360WebhookHandlerOptions
  extends Dialog360WebhookOptions,
    WebhookHandlerOptions<Dialog360WebhookEvent> {}

/**
 * A handler for the Partner Webhook URL, `(request: Request) => Promise<Response>`: each delivery is
 * verified (`unwrapWebhook`), then given to its callback. 2xx once the callback settles (and for an
 * event without one), 400 for a refused delivery (no callback runs), 500 when the callback throws (so
 * 360dialog retries), 405 for another method, 413 for a body over `maxBodyBytes`.
 *
 * @example
 * export const POST = createWebhookHandler({
 *   secret: process.env.D360_PLATFORM_SECRET,
 *   on: { channel_created: async (event) => console.log("new channel", event.phone_number) },
 * });
 */
export function createWebhookHandler(options: Dialog360WebhookHandlerOptions): (request: Request) => Promise<Response> {
  secretList(options?.secret, "secret", "createWebhookHandler");
  return createHandler((body, request) => unwrapWebhook(body, request.headers, options), options);
}
