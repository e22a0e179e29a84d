import type { webhooks } from "../../generated/bird.ts";
import type { UnknownWebhookEvent, WebhookBody } from "../core/contract/webhook-event.ts";
import {
  createWebhookHandler as createHandler,
  type WebhookHandlerOptions,
} from "../core/inbound/create-webhook-handler.ts";
import { fromBase64 } from "../core/inbound/encodings.ts";
import { sha256, verifyHmac } from "../core/inbound/hmac.ts";
import { parseWebhookEvent, secretList } from "../core/inbound/parse-webhook-event.ts";
import { type RawWebhookBody, rawBodyBytes } from "../core/inbound/raw-body.ts";
import { readHeader, type WebhookHeaders } from "../core/inbound/read-header.ts";
import { WebhookVerificationError } from "../core/inbound/webhook-verification-error.ts";

/** The header of a signed Bird delivery that carries its signature (base64). */
export const BIRD_SIGNATURE_HEADER = "messagebird-signature";
/** The header of a signed Bird delivery that carries its timestamp (UNIX seconds). */
export const BIRD_TIMESTAMP_HEADER = "messagebird-request-timestamp";

/** The Bird events the spec documents, by their `event` value. */
export type BirdWebhookEventName = keyof webhooks;

/** A documented Bird event (`channel.created`): the envelope `{ service, event, payload }`, typed from the spec. */
export type KnownBirdWebhookEvent = { [K in BirdWebhookEventName]: WebhookBody<webhooks[K]> }[BirdWebhookEventName];

/**
 * What `unwrapWebhook` returns: a documented event, narrowed by `switch (event.event)`, or any other
 * event in the same envelope (the `default` branch), passed through as sent.
 */
export type BirdWebhookEvent = KnownBirdWebhookEvent | UnknownWebhookEvent;

/** How Bird signs a webhook subscription's deliveries. */
export interface BirdWebhookOptions {
  /** The subscription's `signingKey`. During a rotation, give the new and the old one. */
  signingKey: string | readonly string[];
  /**
   * The URL Bird posts to, exactly as the subscription has it: it is part of what Bird signs. Required,
   * because behind a proxy or a load balancer `request.url` is not the URL Bird called.
   */
  url: string;
  /**
   * How far the delivery's timestamp may be from now, in seconds, against replays. Bird retries a
   * failed delivery for hours and may keep its original timestamp: raise this (or pass `Infinity` and
   * rely on idempotent handlers) if you must accept late retries.
   * @default 300
   */
  toleranceSeconds?: number;
  /** The current time in milliseconds (tests pass a fixed one). @default Date.now */
  now?: () => number;
}

/**
 * Verifies a Bird webhook and returns its event. Bird signs the request timestamp, the URL and the
 * SHA-256 of the body (as bytes), joined by newlines, with HMAC-SHA256 under the subscription's
 * signing key, and sends it base64 in `messagebird-signature` with the timestamp (UNIX seconds) in
 * `messagebird-request-timestamp`. The check runs over the exact bytes received, in constant time
 * (WebCrypto), then the timestamp is held against `toleranceSeconds`.
 *
 * Throws a `WebhookVerificationError` (`missing_signature`, `bad_signature`, `stale`, `bad_payload`)
 * for a delivery to refuse, and a TypeError for a parsed body, a missing signing key or URL.
 *
 * @example
 * const event = await unwrapWebhook(await request.text(), request.headers, {
 *   signingKey: process.env.BIRD_SIGNING_KEY,
 *   url: "https://example.com/webhooks/bird",
 * });
 */
export async function unwrapWebhook(
  body: RawWebhookBody,
  headers: WebhookHeaders,
  options: BirdWebhookOptions,
): Promise<BirdWebhookEvent> {
  const keys = secretList(options?.signingKey, "signingKey", "unwrapWebhook");
  const { url, tolerance } = checkOptions(options, "unwrapWebhook");
  const bytes = rawBodyBytes(body, "unwrapWebhook");
  const header = readHeader(headers ?? {}, BIRD_SIGNATURE_HEADER);
  const timestamp = readHeader(headers ?? {}, BIRD_TIMESTAMP_HEADER);
  if (!header || !timestamp) {
    const missing = header ? BIRD_TIMESTAMP_HEADER : BIRD_SIGNATURE_HEADER;
    throw new WebhookVerificationError("missing_signature", `the ${missing} header is missing`);
  }
  if (!/^\d{1,12}$/.test(timestamp)) {
    throw new WebhookVerificationError(
      "bad_signature",
      `the ${BIRD_TIMESTAMP_HEADER} header is not a UNIX time in seconds`,
    );
  }
  const signature = fromBase64(header);
  if (signature?.length !== 32) {
    throw new WebhookVerificationError(
      "bad_signature",
      `the ${BIRD_SIGNATURE_HEADER} header is not a base64 HMAC-SHA256`,
    );
  }
  if (!(await verifyHmac(keys, signature, await signedPayload(timestamp, url, bytes)))) {
    throw new WebhookVerificationError(
      "bad_signature",
      "the signature does not match the body, the timestamp and the URL: verify the exact bytes received, with the URL the subscription has",
    );
  }
  const age = Math.abs((options.now ?? Date.now)() / 1000 - Number(timestamp));
  if (age > tolerance) {
    throw new WebhookVerificationError("stale", `the delivery's timestamp is more than ${tolerance} s from now`);
  }
  return parseWebhookEvent(bytes) as unknown as BirdWebhookEvent;
}

/** What Bird signs: `timestamp \n url \n SHA-256(body)`, the digest as its 32 bytes. */
export async function signedPayload(timestamp: string, url: string, body: Uint8Array): Promise<Uint8Array> {
  const head = new TextEncoder().encode(`${timestamp}\n${url}\n`);
  const digest = await sha256(body);
  const joined = new Uint8Array(head.length + digest.length);
  joined.set(head);
  joined.set(digest, head.length);
  return joined;
}

function checkOptions(options: BirdWebhookOptions, who: string): { url: string; tolerance: number } {
  if (typeof options.url !== "string" || !URL.canParse(options.url)) {
    throw new TypeError(`${who}: url must be the absolute URL the subscription posts to (part of what Bird signs)`);
  }
  const tolerance = options.toleranceSeconds ?? 300;
  if (typeof tolerance !== "number" || Number.isNaN(tolerance) || tolerance < 0) {
    throw new RangeError(`${who}: toleranceSeconds must be a non-negative number of seconds`);
  }
  return { url: options.url, tolerance };
}

/** Options of the Bird `createWebhookHandler`: the signing key, the URL, and callbacks by event. */
export interface BirdWebhookHandlerOptions extends BirdWebhookOptions, WebhookHandlerOptions<BirdWebhookEvent> {}

/**
 * A handler for a webhook subscription's URL, `(request: Request) => Promise<Response>`: each delivery
 * is verified (`unwrapWebhook`), then given to its callback. 2xx once the callback settles (and for an
 * event without one), 400 for a refused delivery (no callback runs), 500 when the callback throws (so
 * Bird retries), 405 for another method, 413 for a body over `maxBodyBytes`.
 *
 * @example
 * export const POST = createWebhookHandler({
 *   signingKey: process.env.BIRD_SIGNING_KEY,
 *   url: "https://example.com/webhooks/bird",
 *   on: { "channel.created": async (event) => console.log("new channel", event.payload) },
 * });
 */
export function createWebhookHandler(options: BirdWebhookHandlerOptions): (request: Request) => Promise<Response> {
  secretList(options?.signingKey, "signingKey", "createWebhookHandler");
  checkOptions(options, "createWebhookHandler");
  return createHandler((body, request) => unwrapWebhook(body, request.headers, options), options);
}
