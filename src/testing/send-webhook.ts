import { readFileSync } from "node:fs";
import type { ProviderName } from "../providers.ts";
import { signWebhook } from "./sign-webhook.ts";
import { SPECS } from "./start-mock-server.ts";

/** A delivery for `sendWebhook`. */
export type SendWebhookOptions = {
  /** Your receiver's URL. */
  url: string;
  /** The event, by its `event` value (`channel_created`, `channel.created`…): its documented example is sent. */
  event: string;
  /** The body to send instead of the documented example (an object is sent as JSON). */
  payload?: unknown;
  /** The fetch to send with. @default globalThis.fetch */
  fetch?: typeof globalThis.fetch;
} & (
  | { secret: string; signingKey?: never }
  | {
      signingKey: string;
      /** The URL the delivery is signed for, when Bird's would differ from `url` (a proxy in front of it). @default url */
      signedUrl?: string;
      /** UNIX seconds. @default now */
      timestamp?: number;
    }
);

/**
 * Delivers a signed, documented example event to a running receiver, as the vendor would (like
 * `stripe trigger`): the example comes from the bundled spec's `webhooks`, the signature from
 * `signWebhook`. Resolves with the receiver's response.
 *
 * @example
 * const response = await sendWebhook("360dialog", { url: "http://127.0.0.1:3000/hook", event: "channel_created", secret: "test-secret" });
 * expect(response.status).toBe(200);
 */
export async function sendWebhook(provider: ProviderName, options: SendWebhookOptions): Promise<Response> {
  if (provider === "360dialog" && !("secret" in options))
    throw new TypeError("sendWebhook: 360dialog signs with a secret");
  if (provider === "bird" && "secret" in options) throw new TypeError("sendWebhook: Bird signs with a signingKey");
  const payload = options.payload ?? documentedExample(provider, options.event);
  const body = typeof payload === "string" ? payload : JSON.stringify(payload);
  const headers =
    "secret" in options && options.secret !== undefined
      ? await signWebhook("360dialog", body, { secret: options.secret })
      : await signWebhook("bird", body, {
          signingKey: (options as { signingKey: string }).signingKey,
          url: (options as { signedUrl?: string }).signedUrl ?? options.url,
          ...((options as { timestamp?: number }).timestamp === undefined
            ? {}
            : { timestamp: (options as { timestamp: number }).timestamp }),
        });
  if (provider === "360dialog" && !("secret" in options))
    throw new TypeError("sendWebhook: 360dialog signs with a secret");
  if (provider === "bird" && "secret" in options) throw new TypeError("sendWebhook: Bird signs with a signingKey");
  return (options.fetch ?? globalThis.fetch)(options.url, { method: "POST", headers, body });
}

/** The example the bundled spec documents for an event (`webhooks.<event>`). */
function documentedExample(provider: ProviderName, event: string): unknown {
  const spec = JSON.parse(readFileSync(SPECS[provider], "utf8")) as {
    webhooks?: Record<string, { post?: { requestBody?: { content?: Record<string, { example?: unknown }> } } }>;
  };
  const example = spec.webhooks?.[event]?.post?.requestBody?.content?.["application/json"]?.example;
  if (example === undefined) {
    const known = Object.keys(spec.webhooks ?? {}).join(", ");
    throw new TypeError(
      `sendWebhook: ${provider} documents no event ${JSON.stringify(event)} (known: ${known}); pass payload`,
    );
  }
  return example;
}
