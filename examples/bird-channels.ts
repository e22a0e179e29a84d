// Bird channels against the embedded mock: no credentials needed. Run: npm run example:bird
import { createBirdClient } from "bsp-sdk/bird";
import { startMockServer } from "bsp-sdk/testing";

const mock = await startMockServer("bird");
try {
  const bird = createBirdClient({
    accessKey: "any-key-works-on-the-mock",
    workspaceId: "6f1c1f0e-5a4a-4b53-9a3c-6f0b7f4b1c2d",
    ...mock.clientOptions,
  });

  // Follows nextPageToken until the last page.
  for await (const channel of bird.channels.list({ status: "active", pageSize: 100 })) {
    console.log(`${channel.platformId} ${channel.name} (${channel.status})`);
  }

  const res = await bird.channels.getContactDetails({
    channelId: "123e4567-e89b-12d3-a456-426614174000",
    contactId: "523e4567-e89b-12d3-a456-426614174000",
  });
  if (res.error) console.error(res.error.kind === "api" ? `Bird answered ${res.error.status}` : res.error.message);
  else console.log(`service window open until ${res.data.serviceWindowExpireAt ?? "(closed)"}`);
} finally {
  await mock.close();
}
