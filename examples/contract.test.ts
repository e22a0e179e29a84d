// An example consumer contract test: your integration code against Prism serving bsp-sdk's bundled
// spec. Prism reports every request that breaks the contract in the `sl-violations` header.
import { createDialog360Client } from "bsp-sdk/360dialog";
import { type MockServer, startMockServer } from "bsp-sdk/testing";
import { afterAll, beforeAll, expect, it } from "vitest";

// The code under test: an app function built on bsp-sdk.
async function readyNumbers(d360: ReturnType<typeof createDialog360Client>): Promise<string[]> {
  const numbers: string[] = [];
  for await (const channel of d360.channels.list({ filters: { status: "ready" }, sort: "-created_at" })) {
    if (channel.setup_info?.phone_number) numbers.push(channel.setup_info.phone_number);
  }
  return numbers;
}

let mock: MockServer;
const violations: string[] = [];
beforeAll(async () => {
  mock = await startMockServer("360dialog");
});
afterAll(() => mock.close());

const client = () =>
  createDialog360Client({
    partnerId: "examplePA",
    apiKey: "contract-test",
    ...mock.clientOptions,
    retry: false,
    fetch: async (input, init) => {
      const response = await fetch(input, init);
      const found = response.headers.get("sl-violations");
      if (found) violations.push(found);
      return response;
    },
  });

it("lists ready numbers with requests the API accepts", async () => {
  expect(await readyNumbers(client())).toEqual(["+4915112345678", "+4915112345679"]);
  expect(violations).toEqual([]);
});

it("surfaces a 404 from the API as a typed error", async () => {
  // mock.prefer() builds Prism's Prefer header, sent with this one call through its `headers` option.
  const res = await client().channels.createApiKey({ channelId: "missing" }, { headers: mock.prefer({ code: 404 }) });
  expect(res.error?.kind === "api" && res.error.status).toBe(404);
});
