import { createHmac } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { createWebhookHandler } from "../../src/360dialog/index.ts";
import { createWebhookHandler as birdHandler } from "../../src/bird/index.ts";
import { sendWebhook, signWebhook } from "../../src/testing/index.ts";
import { startHttpServer } from "../support/http-server.ts";

const SECRET = "platform-SECRET-handler";
const hex = (payload: string) => createHmac("sha256", SECRET).update(payload).digest("hex");
const post = (body: string, headers: Record<string, string> = { "x-360dialog-signature": hex(body) }) =>
  new Request("http://127.0.0.1/hook", { method: "POST", headers, body });
const created = JSON.stringify({ event: "channel_created", client_id: "exampleCL", phone_number: "+4915112345678" });

describe("createWebhookHandler (360dialog)", () => {
  it("answers 200 only after the callback settles, with the event narrowed to its type", async () => {
    const seen: string[] = [];
    let release: () => void = () => {};
    const handler = createWebhookHandler({
      secret: SECRET,
      on: {
        channel_created: async (event) => {
          seen.push(`start ${event.phone_number}`);
          await new Promise<void>((resolve) => (release = resolve));
          seen.push("end");
        },
      },
    });
    const pending = handler(post(created));
    let answered = false;
    void pending.then(() => (answered = true));
    while (seen.length === 0) await new Promise((r) => setImmediate(r));
    expect(answered).toBe(false);
    release();
    const response = await pending;
    expect(response.status).toBe(200);
    expect(seen).toEqual(["start +4915112345678", "end"]);
  });

  it("acknowledges an event with no callback (2xx), and gives unknown events to onOtherEvent", async () => {
    const other: unknown[] = [];
    const handler = createWebhookHandler({ secret: SECRET, onOtherEvent: (e) => void other.push(e) });
    expect((await handler(post(created))).status).toBe(200);
    const unknown = JSON.stringify({ event: "template_status_changed" });
    expect((await handler(post(unknown))).status).toBe(200);
    expect(other).toEqual([JSON.parse(created), JSON.parse(unknown)]);
  });

  it("refuses a bad delivery with 400 and no detail, without running the callback", async () => {
    const ran: unknown[] = [];
    const errors: unknown[] = [];
    const handler = createWebhookHandler({
      secret: SECRET,
      on: { channel_created: (e) => void ran.push(e) },
      onError: (e) => void errors.push(e),
    });
    for (const request of [
      post(created, {}),
      post(created, { "x-360dialog-signature": hex(`${created} `) }),
      post("not json", { "x-360dialog-signature": hex("not json") }),
    ]) {
      const response = await handler(request);
      expect(response.status).toBe(400);
      expect(await response.text()).toBe("webhook refused");
    }
    expect(ran).toEqual([]);
    expect(errors.map((e) => (e as { reason: string }).reason)).toEqual([
      "missing_signature",
      "bad_signature",
      "bad_payload",
    ]);
  });

  it("answers 500 when the callback throws (so the vendor retries), 405 for another method, 413 over the cap", async () => {
    const handler = createWebhookHandler({
      secret: SECRET,
      maxBodyBytes: 64,
      on: {
        channel_created: () => {
          throw new Error("database down");
        },
      },
    });
    const failed = await handler(post(created.slice(0, 60).replace(/,[^,]*$/, "}")));
    expect(failed.status).toBe(500);
    expect(await failed.text()).not.toContain("database down");
    const get = await handler(new Request("http://127.0.0.1/hook"));
    expect(get.status).toBe(405);
    expect(get.headers.get("allow")).toBe("POST");
    const big = JSON.stringify({ event: "channel_created", filler: "x".repeat(200) });
    expect((await handler(post(big))).status).toBe(413);
  });

  it("caps a body sent without a content-length (a stream), without reading past the cap", async () => {
    const handler = createWebhookHandler({ secret: SECRET, maxBodyBytes: 16 });
    let pulled = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        if (pulled > 100) controller.close();
        else controller.enqueue(new Uint8Array(8));
      },
    });
    const request = new Request("http://127.0.0.1/hook", {
      method: "POST",
      body: stream,
      duplex: "half",
    } as RequestInit);
    expect((await handler(request)).status).toBe(413);
    expect(pulled).toBeLessThan(10);
  });
});

describe("signWebhook and sendWebhook (bsp-sdk/testing)", () => {
  const servers: Array<{ close: () => Promise<void> }> = [];
  afterEach(async () => {
    for (const s of servers.splice(0)) await s.close();
  });

  /** A node:http receiver running a Web-standard handler, as the README shows for Node's http. */
  async function receiver(handler: (request: Request) => Promise<Response>) {
    const server = await startHttpServer(async (req, res) => {
      const response = await handler(
        new Request(req.url.href, {
          method: req.method,
          headers: req.headers as Record<string, string>,
          body: req.body,
        }),
      );
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(await response.text());
    });
    servers.push(server);
    return server;
  }

  it("delivers 360dialog's documented channel_created example, signed, to a running receiver", async () => {
    const got: unknown[] = [];
    const s = await receiver(
      createWebhookHandler({ secret: SECRET, on: { channel_created: (e) => void got.push(e) } }),
    );
    const response = await sendWebhook("360dialog", { url: `${s.url}/hook`, event: "channel_created", secret: SECRET });
    expect(response.status).toBe(200);
    expect(got).toEqual([expect.objectContaining({ event: "channel_created", client_id: "exampleCL" })]);
    const wrong = await sendWebhook("360dialog", {
      url: `${s.url}/hook`,
      event: "channel_created",
      secret: "nope-1234",
    });
    expect(wrong.status).toBe(400);
  });

  it("delivers Bird's channel.created, signed for the subscription's URL (a proxy's URL may differ)", async () => {
    const got: unknown[] = [];
    const signedUrl = "https://example.com/webhooks/bird";
    const s = await receiver(
      birdHandler({ signingKey: "bird-key-1234", url: signedUrl, on: { "channel.created": (e) => void got.push(e) } }),
    );
    const response = await sendWebhook("bird", {
      url: `${s.url}/hook`,
      signedUrl,
      event: "channel.created",
      signingKey: "bird-key-1234",
    });
    expect(response.status).toBe(200);
    expect(got).toEqual([expect.objectContaining({ service: "channels", event: "channel.created" })]);
  });

  it("signs what the vendor would: the 360dialog header is the hex HMAC of the body", async () => {
    const headers = await signWebhook("360dialog", created, { secret: SECRET });
    expect(headers["x-360dialog-signature"]).toBe(hex(created));
    await expect(
      sendWebhook("360dialog", { url: "http://127.0.0.1:9", event: "no_such_event", secret: SECRET }),
    ).rejects.toThrow(/documents no event "no_such_event" \(known: .*channel_created/);
  });
});
