import { createHmac } from "node:crypto";
import { readFileSync } from "node:fs";
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import {
  createWebhookHandler,
  type Dialog360WebhookEvent,
  unwrapWebhook,
  WebhookVerificationError,
} from "../../src/360dialog/index.ts";
import { WebhookVerificationError as BirdWebhookVerificationError } from "../../src/bird/index.ts";
import { refusal } from "../support/webhook-refusal.ts";

// Signatures here are computed by the test itself from the vendor's rule ("the platform secret signs
// the webhook event's body with HMAC-SHA256", in x-360dialog-signature), never by the code under test.
const SECRET = "platform-SECRET-5f2c9a";
const body = JSON.stringify({ event: "channel_created", client_id: "exampleCL", phone_number: "+4915112345678" });
const hex = (secret: string, payload: string | Buffer) => createHmac("sha256", secret).update(payload).digest("hex");
const headersFor = (signature: string) => ({ "x-360dialog-signature": signature, "content-type": "application/json" });

describe("360dialog unwrapWebhook", () => {
  it("accepts a delivery signed as the vendor documents it (hex), from a string, bytes or an ArrayBuffer", async () => {
    const signature = hex(SECRET, body);
    const bytes = new TextEncoder().encode(body);
    for (const raw of [body, bytes, bytes.buffer.slice(0)]) {
      const event = await unwrapWebhook(raw, headersFor(signature), { secret: SECRET });
      expect(event).toEqual(JSON.parse(body));
    }
    // Headers objects and any header case.
    const event = await unwrapWebhook(body, new Headers({ "X-360Dialog-Signature": signature }), { secret: SECRET });
    expect(event.event).toBe("channel_created");
  });

  it("accepts the signature in base64 or with a sha256= prefix (the vendor's text names no encoding)", async () => {
    const base64 = createHmac("sha256", SECRET).update(body).digest("base64");
    expect((await unwrapWebhook(body, headersFor(base64), { secret: SECRET })).event).toBe("channel_created");
    const prefixed = `sha256=${hex(SECRET, body).toUpperCase()}`;
    expect((await unwrapWebhook(body, headersFor(prefixed), { secret: SECRET })).event).toBe("channel_created");
  });

  it("accepts either secret during a rotation", async () => {
    const signature = hex("old-secret-1234", body);
    const event = await unwrapWebhook(body, headersFor(signature), { secret: [SECRET, "old-secret-1234"] });
    expect(event.event).toBe("channel_created");
  });

  it("refuses a tampered body, a wrong secret, a missing and a malformed header, each with its reason", async () => {
    const signature = hex(SECRET, body);
    const tampered = body.replace("exampleCL", "attackerCL");
    expect((await refusal(unwrapWebhook(tampered, headersFor(signature), { secret: SECRET }))).reason).toBe(
      "bad_signature",
    );
    expect(
      (await refusal(unwrapWebhook(body, headersFor(hex("another-secret", body)), { secret: SECRET }))).reason,
    ).toBe("bad_signature");
    expect((await refusal(unwrapWebhook(body, {}, { secret: SECRET }))).reason).toBe("missing_signature");
    expect((await refusal(unwrapWebhook(body, headersFor("  "), { secret: SECRET }))).reason).toBe("missing_signature");
    for (const malformed of ["not-a-signature", "abc", signature.slice(0, 40), `${signature}00`]) {
      expect((await refusal(unwrapWebhook(body, headersFor(malformed), { secret: SECRET }))).reason).toBe(
        "bad_signature",
      );
    }
  });

  it("refuses a signed body that is not a JSON event (bad_payload), and accepts any JSON event", async () => {
    for (const payload of ["not json", "[1,2]", JSON.stringify({ type: "channel_created" }), '{"event": 42}']) {
      const error = await refusal(unwrapWebhook(payload, headersFor(hex(SECRET, payload)), { secret: SECRET }));
      expect(error.reason).toBe("bad_payload");
    }
  });

  it("is a TypeError, not a refusal, for a parsed body or a missing secret", async () => {
    const signature = hex(SECRET, body);
    await expect(unwrapWebhook(JSON.parse(body) as never, headersFor(signature), { secret: SECRET })).rejects.toThrow(
      /exact bytes received.*not a parsed object/,
    );
    await expect(unwrapWebhook(body, headersFor(signature), { secret: undefined as never })).rejects.toThrow(TypeError);
    await expect(unwrapWebhook(body, headersFor(signature), { secret: "" })).rejects.toThrow(/environment variable/);
  });

  it("parses every documented event (the bundled spec's webhooks and their examples) to its type", async () => {
    const spec = JSON.parse(readFileSync(new URL("../../openapi/dist/360dialog.json", import.meta.url), "utf8"));
    const names = Object.keys(spec.webhooks).sort();
    expect(names).toEqual([
      "account_restriction",
      "account_violation",
      "channel_created",
      "channel_live",
      "channel_ready",
      "channel_running",
      "channel_submitted",
      "client_created",
    ]);
    for (const name of names) {
      const example = spec.webhooks[name].post.requestBody.content["application/json"].example;
      const payload = JSON.stringify(example);
      const event = await unwrapWebhook(payload, headersFor(hex(SECRET, payload)), { secret: SECRET });
      expect(event.event).toBe(name);
      expect(event).toEqual(example);
    }
  });

  it("passes an event it does not know through, every field as sent", async () => {
    const payload = JSON.stringify({ event: "template_status_changed", template: { id: 7 }, extra: true });
    const event: Dialog360WebhookEvent = await unwrapWebhook(payload, headersFor(hex(SECRET, payload)), {
      secret: SECRET,
    });
    expect(String(event.event)).toBe("template_status_changed");
    expect(event).toEqual(JSON.parse(payload));
  });

  it("renders a refusal without the secret, the signature or the body, in every form", async () => {
    const signature = hex(SECRET, body);
    const error = await refusal(unwrapWebhook(`${body} `, headersFor(signature), { secret: SECRET }));
    for (const text of [String(error), JSON.stringify(error), inspect(error), error.message, error.stack ?? ""]) {
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain(signature);
      expect(text).not.toContain("exampleCL");
    }
  });

  it("is one class for both subpaths, recognised across copies by its brand", () => {
    expect(WebhookVerificationError).toBe(BirdWebhookVerificationError);
    const foreign = Object.defineProperty(new Error("x"), Symbol.for("bsp-sdk.WebhookVerificationError"), {
      value: true,
    });
    expect(foreign instanceof WebhookVerificationError).toBe(true);
    expect(new Error("y") instanceof WebhookVerificationError).toBe(false);
  });

  it("createWebhookHandler checks its secret when it is made", () => {
    expect(() => createWebhookHandler({ secret: "" })).toThrow(TypeError);
  });
});
