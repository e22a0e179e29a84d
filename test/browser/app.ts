// Runs in headless Chromium from the browser bundle: a typed call and a paginated loop against Prism.
import { createDialog360Client, unwrapWebhook } from "../../dist/src/360dialog/index.js";
import { unwrapWebhook as unwrapBirdWebhook } from "../../dist/src/bird/index.js";

declare global {
  interface Window {
    __result?: unknown;
  }
}

async function main() {
  const baseUrl = new URLSearchParams(location.search).get("api") ?? "";
  let refused = "not refused";
  try {
    createDialog360Client({ partnerId: "examplePA", apiKey: "browser-key", baseUrl });
  } catch (error) {
    refused = (error as Error).message;
  }
  const d360 = createDialog360Client({
    partnerId: "examplePA",
    apiKey: "browser-key",
    baseUrl,
    dangerouslyAllowBrowser: true,
  });
  const ids: string[] = [];
  for await (const channel of d360.channels.list({ filters: { status: "ready" }, sort: ["-created_at"] }))
    ids.push(String(channel.id));
  const key = await d360.channels.createApiKey({ channelId: "exampleCH" });
  const missing = await d360.channels.listBlockedUsers({ channelId: "../x" });
  return {
    refused,
    ids,
    key: key.error ? key.error.message : "ok",
    encoded: missing.error?.kind ?? "ok",
    webhooks: await webhooks(),
  };
}

/** Webhook verification with the browser's WebCrypto: signatures made here with crypto.subtle directly. */
async function webhooks() {
  const encoder = new TextEncoder();
  const hmac = async (secret: string, data: Uint8Array) => {
    const key = await crypto.subtle.importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, [
      "sign",
    ]);
    return new Uint8Array(await crypto.subtle.sign("HMAC", key, data as BufferSource));
  };
  const body = JSON.stringify({ event: "channel_created", client_id: "exampleCL" });
  const hex = Array.from(await hmac("browser-secret", encoder.encode(body)), (b) =>
    b.toString(16).padStart(2, "0"),
  ).join("");
  const d360 = await unwrapWebhook(body, { "x-360dialog-signature": hex }, { secret: "browser-secret" });
  const birdBody = JSON.stringify({ service: "channels", event: "channel.created", payload: {} });
  const timestamp = String(Math.floor(Date.now() / 1000));
  const url = "https://example.com/webhooks/bird";
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", encoder.encode(birdBody)));
  const head = encoder.encode(`${timestamp}\n${url}\n`);
  const signed = new Uint8Array(head.length + digest.length);
  signed.set(head);
  signed.set(digest, head.length);
  const signature = btoa(String.fromCharCode(...(await hmac("browser-key", signed))));
  const bird = await unwrapBirdWebhook(
    birdBody,
    new Headers({ "messagebird-signature": signature, "messagebird-request-timestamp": timestamp }),
    { signingKey: "browser-key", url },
  );
  return [String(d360.event), String(bird.event)];
}

main().then(
  (value) => {
    window.__result = value;
  },
  (error: unknown) => {
    window.__result = { failed: String(error) };
  },
);
