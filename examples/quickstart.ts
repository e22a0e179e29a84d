// The main job, against the embedded mock (Prism serving the bundled spec): no credentials needed.
// Run: npm run example
import { createDialog360Client } from "bsp-sdk/360dialog";
import { startMockServer } from "bsp-sdk/testing";

const mock = await startMockServer("360dialog");
try {
  const d360 = createDialog360Client({
    partnerId: "examplePA",
    apiKey: "any-key-works-on-the-mock",
    ...mock.clientOptions,
  });

  // A filtered, sorted iteration over channels: pages are fetched lazily as the loop goes.
  for await (const channel of d360.channels.list({
    filters: { status: "ready" },
    sort: ["-created_at"],
    pageSize: 100,
  })) {
    console.log(`channel ${channel.id} ${channel.setup_info?.phone_number} (${channel.status})`);
  }

  // A typed call with its error handled: `error` is a union discriminated by `kind`.
  const res = await d360.channels.createApiKey({ channelId: "exampleCH" });
  if (res.error) {
    switch (res.error.kind) {
      case "api":
        if (res.error.status === 429) console.error(`rate limited; retry in ${res.error.retryAfterMs} ms`);
        else console.error(`API error ${res.error.status}: ${res.error.body.meta.developer_message}`);
        break;
      default:
        console.error(res.error.message);
    }
  } else {
    console.log(`new API key for ${res.data.app_id}: ${res.data.api_key?.slice(0, 4)}…`);
  }
} finally {
  await mock.close();
}
