import { createDialog360Client } from "bsp-sdk/360dialog";
import { startMockServer } from "bsp-sdk/testing";

const mock = await startMockServer("360dialog");
const d360 = createDialog360Client({
  partnerId: "examplePA",
  apiKey: "any-key-works-on-the-mock",
  ...mock.clientOptions,
});

// A filtered, sorted iteration over channels: pages are fetched lazily as the loop goes.
const ready = d360.channels.list({ filters: { status: "ready" }, sort: ["-created_at"], pageSize: 100 });
for await (const channel of ready) {
  console.log(`${channel.id} ${channel.setup_info?.phone_number} ${channel.status} since ${channel.created_at}`);
}

// A typed call with its error handled: `error` is a union discriminated by `kind`.
const res = await d360.channels.createApiKey({ channelId: "exampleCH" });
if (res.error) {
  switch (res.error.kind) {
    case "api": // a status the operation declares; narrowing on `status` narrows `body`
      if (res.error.status === 429) console.error(`rate limited; retry in ${res.error.retryAfterMs} ms`);
      else console.error(`API error ${res.error.status}: ${res.error.body.meta.developer_message}`);
      break;
    default: // "unexpected" (undeclared status or body), "network", "timeout", "rate_limited"
      console.error(res.error.message);
  }
} else {
  console.log(`API key for app ${res.data.app_id} at ${res.data.address}: ${res.data.api_key?.slice(0, 4)}…`);
}
await mock.close();
