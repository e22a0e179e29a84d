// A consumer of the packed tarball: public entry points only. Typechecked with TypeScript 5 and 7,
// then run against the mock.
import { type AnyBspError, isBspError, type Result, unwrap } from "bsp-sdk";
import { type Channel, createDialog360Client } from "bsp-sdk/360dialog";
import { createBirdClient } from "bsp-sdk/bird";
import { startMockServer } from "bsp-sdk/testing";

function describe(result: Result<unknown, AnyBspError>): string {
  if (!result.error) return "ok";
  return result.error.kind === "api" ? `api ${result.error.status}` : result.error.kind;
}

const d360Mock = await startMockServer("360dialog");
const birdMock = await startMockServer("bird");
try {
  const d360 = createDialog360Client({ partnerId: "examplePA", apiKey: "consumer-key", baseUrl: d360Mock.url });
  const channels: Channel[] = [];
  for await (const channel of d360.channels.list({ filters: { status: "ready" }, sort: ["-created_at"] }))
    channels.push(channel);
  const key = await d360.channels.createApiKey({ channelId: "exampleCH" });
  if (key.error?.kind === "api" && key.error.status === 404) console.log(key.error.body.meta.developer_message);
  const clients = await d360.clients.list({ sort: "name" }).toArray({ max: 100 });
  const bird = createBirdClient({
    accessKey: "consumer-key",
    workspaceId: "6f1c1f0e-5a4a-4b53-9a3c-6f0b7f4b1c2d",
    baseUrl: birdMock.url,
  });
  const birdChannels = await bird.channels.list({ status: "active" }).toArray();
  let thrown = "none";
  try {
    unwrap(
      await createDialog360Client({
        partnerId: "p",
        apiKey: "k",
        baseUrl: "http://127.0.0.1:9",
        retry: false,
      }).partner.update({}),
    );
  } catch (error) {
    if (isBspError(error)) thrown = error.error.kind;
  }
  console.log(
    JSON.stringify({
      channels: channels.length,
      key: describe(key),
      clients: clients.length,
      bird: birdChannels.length,
      thrown,
    }),
  );
} finally {
  await Promise.all([d360Mock.close(), birdMock.close()]);
}
