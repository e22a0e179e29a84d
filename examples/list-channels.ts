// List and filter channels: typed filters and sort keys, page by page with the total.
// Run: node examples/list-channels.ts (against the embedded mock; pass a real apiKey and drop baseUrl for production)
import { createDialog360Client } from "bsp-sdk/360dialog";
import { startMockServer } from "bsp-sdk/testing";

const mock = await startMockServer("360dialog");
try {
  const d360 = createDialog360Client({ partnerId: "examplePA", apiKey: "mock-key", ...mock.clientOptions });
  const ready = d360.channels.list({
    filters: { status: "ready", "client.partner_payload": "crm-42" },
    sort: ["client.name", "-created_at"],
    pageSize: 200,
    concurrency: 4,
  });
  for await (const page of ready.pages()) {
    console.log(`page at ${page.offset}: ${page.items.length} of ${page.total}`);
    for (const channel of page.items)
      console.log(`  ${channel.setup_info?.phone_number} ${channel.client?.name} (${channel.availability_status})`);
  }
} finally {
  await mock.close();
}
