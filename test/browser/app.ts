// Runs in headless Chromium from the browser bundle: a typed call and a paginated loop against Prism.
import { createDialog360Client } from "../../dist/src/360dialog/index.js";

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
  return { refused, ids, key: key.error ? key.error.message : "ok", encoded: missing.error?.kind ?? "ok" };
}

main().then(
  (value) => {
    window.__result = value;
  },
  (error: unknown) => {
    window.__result = { failed: String(error) };
  },
);
