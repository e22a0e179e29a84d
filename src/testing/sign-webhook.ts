import { DIALOG360_SIGNATURE_HEADER } from "../360dialog/webhooks.ts";
import { BIRD_SIGNATURE_HEADER, BIRD_TIMESTAMP_HEADER, signedPayload } from "../bird/webhooks.ts";
import { toBase64, toHex } from "../core/inbound/encodings.ts";
import { signHmac } from "../core/inbound/hmac.ts";
import { type RawWebhookBody, rawBodyBytes } from "../core/inbound/raw-body.ts";
import type { ProviderName } from "../providers.ts";

/** What signs a test delivery: 360dialog's platform secret, or a Bird subscription's key and URL. */
export type SignWebhookOptions<P extends ProviderName = ProviderName> = P extends "360dialog"
  ? { secret: string }
  : {
      signingKey: string;
      /** The URL the delivery is signed for (the subscription's URL). */
      url: string;
      /** UNIX seconds. @default now */
      timestamp?: number;
    };

/**
 * The headers the vendor would send with `body`: 360dialog's `x-360dialog-signature` (hex HMAC-SHA256
 * of the body with the platform secret: hex is what receivers of real deliveries decode; the vendor's
 * text does not name an encoding), or Bird's `messagebird-signature` and `messagebird-request-timestamp`.
 * For testing your receiver without the vendor, like Stripe's `generateTestHeaderString`.
 *
 * @example
 * const body = JSON.stringify({ event: "channel_created", client_id: "exampleCL" });
 * const headers = await signWebhook("360dialog", body, { secret: "test-secret" });
 * const response = await handler(new Request("http://localhost/hook", { method: "POST", headers, body }));
 */
export async function signWebhook<P extends ProviderName>(
  provider: P,
  body: RawWebhookBody,
  options: SignWebhookOptions<P>,
): Promise<Record<string, string>> {
  const bytes = rawBodyBytes(body, "signWebhook");
  if (provider === "360dialog") {
    const { secret } = options as SignWebhookOptions<"360dialog">;
    if (typeof secret !== "string" || !secret) throw new TypeError("signWebhook: secret must be a non-empty string");
    return { "content-type": "application/json", [DIALOG360_SIGNATURE_HEADER]: toHex(await signHmac(secret, bytes)) };
  }
  if (provider === "bird") {
    const { signingKey, url, timestamp } = options as SignWebhookOptions<"bird">;
    if (typeof signingKey !== "string" || !signingKey) {
      throw new TypeError("signWebhook: signingKey must be a non-empty string");
    }
    if (typeof url !== "string" || !URL.canParse(url)) throw new TypeError("signWebhook: url must be an absolute URL");
    const seconds = String(timestamp ?? Math.floor(Date.now() / 1000));
    const signature = await signHmac(signingKey, await signedPayload(seconds, url, bytes));
    return {
      "content-type": "application/json",
      [BIRD_SIGNATURE_HEADER]: toBase64(signature),
      [BIRD_TIMESTAMP_HEADER]: seconds,
    };
  }
  throw new TypeError(`signWebhook: unknown provider ${JSON.stringify(provider)}`);
}
