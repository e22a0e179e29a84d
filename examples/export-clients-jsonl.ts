// Export every client to a JSON Lines file, with progress, streaming (memory stays flat however many).
// Run: node examples/export-clients-jsonl.ts [out.jsonl]

import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { createDialog360Client } from "bsp-sdk/360dialog";
import { startMockServer } from "bsp-sdk/testing";

const out = process.argv[2] ?? "clients.jsonl";
const mock = await startMockServer("360dialog");
const file = createWriteStream(out);
try {
  const d360 = createDialog360Client({ partnerId: "examplePA", apiKey: "mock-key", ...mock.clientOptions });
  let written = 0;
  for await (const page of d360.clients.list({ sort: "created_at", pageSize: 500 }).pages()) {
    for (const client of page.items) {
      if (!file.write(`${JSON.stringify(client)}\n`)) await once(file, "drain");
      written += 1;
    }
    console.log(`exported ${written}/${page.total} clients`);
  }
} finally {
  file.end();
  await once(file, "close");
  await mock.close();
}
console.log(`wrote ${out}`);
