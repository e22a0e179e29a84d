// Generate an API key for a channel, handling every way it can fail.
// Run: node examples/generate-api-key.ts
import { createDialog360Client } from "bsp-sdk/360dialog";
import { startMockServer } from "bsp-sdk/testing";

const mock = await startMockServer("360dialog");
try {
  const d360 = createDialog360Client({ partnerId: "examplePA", apiKey: "mock-key", ...mock.clientOptions });
  const res = await d360.channels.createApiKey({ channelId: "exampleCH" });
  if (!res.error) {
    console.log(`API key for app ${res.data.app_id} created; messaging base URL ${res.data.address}`);
  } else {
    const e = res.error;
    switch (e.kind) {
      case "api":
        if (e.status === 429) console.error(`Only 1 key per 30 s per channel: retry in ${e.retryAfterMs ?? 30_000} ms`);
        else if (e.status === 403)
          console.error(`No permission for this number: ask the client to share it (${e.body.meta.developer_message})`);
        else if (e.status === 404) console.error(`No such channel (trace ${e.traceId})`);
        else console.error(e.message);
        break;
      case "unexpected":
        console.error(`Unexpected answer ${e.status}: ${e.rawBody.slice(0, 200)}`);
        break;
      case "network":
      case "timeout":
        console.error(`${e.message}; nothing was created twice (a POST is only retried when it was refused)`);
        break;
    }
    process.exitCode = 1;
  }
} finally {
  await mock.close();
}
