import { createHash, createHmac } from "node:crypto";
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { type BirdWebhookEvent, unwrapWebhook } from "../../src/bird/index.ts";
import { refusal } from "../support/webhook-refusal.ts";

// Signatures here are computed by the test itself from Bird's documented steps ("Join the request
// timestamp with the request URL and the request body checksum (SHA256, binary), separated by a new
// line; HMACSHA256 with the signing key; the header is base64"), never by the code under test.
const KEY = "bird-signing-KEY-77c1e0";
const URL_SIGNED = "https://example.com/webhooks/bird?tenant=acme";
const NOW_S = 1_765_000_000;
const now = () => NOW_S * 1000;
const body = JSON.stringify({
  service: "channels",
  event: "channel.created",
  payload: { id: "123e4567-e89b-12d3-a456-426614174000", platformId: "whatsapp" },
});

function sign(key: string, timestamp: string, url: string, payload: string | Buffer): string {
  const digest = createHash("sha256").update(payload).digest();
  const joined = Buffer.concat([Buffer.from(`${timestamp}\n${url}\n`), digest]);
  return createHmac("sha256", key).update(joined).digest("base64");
}
const headersFor = (signature: string, timestamp = String(NOW_S)) => ({
  "messagebird-signature": signature,
  "messagebird-request-timestamp": timestamp,
});
const options = { signingKey: KEY, url: URL_SIGNED, now };

describe("Bird unwrapWebhook", () => {
  it("accepts a delivery signed as Bird documents it, from a string, bytes or an ArrayBuffer", async () => {
    const signature = sign(KEY, String(NOW_S), URL_SIGNED, body);
    const bytes = new TextEncoder().encode(body);
    for (const raw of [body, bytes, bytes.buffer.slice(0)]) {
      const event = await unwrapWebhook(raw, headersFor(signature), options);
      expect(event).toEqual(JSON.parse(body));
    }
  });

  it("accepts either signing key during a rotation", async () => {
    const signature = sign("old-signing-key", String(NOW_S), URL_SIGNED, body);
    const event = await unwrapWebhook(body, headersFor(signature), {
      ...options,
      signingKey: [KEY, "old-signing-key"],
    });
    expect(event.event).toBe("channel.created");
  });

  it("refuses a tampered body, a wrong key, another URL, a missing or malformed header, each with its reason", async () => {
    const signature = sign(KEY, String(NOW_S), URL_SIGNED, body);
    const reasons = async (p: Promise<unknown>) => (await refusal(p)).reason;
    expect(await reasons(unwrapWebhook(body.replace("whatsapp", "sms"), headersFor(signature), options))).toBe(
      "bad_signature",
    );
    expect(
      await reasons(unwrapWebhook(body, headersFor(sign("another-key", String(NOW_S), URL_SIGNED, body)), options)),
    ).toBe("bad_signature");
    // The URL is part of what Bird signs: a proxy's internal URL is not the one Bird called.
    expect(await reasons(unwrapWebhook(body, headersFor(signature), { ...options, url: "http://10.0.0.5/hook" }))).toBe(
      "bad_signature",
    );
    // A timestamp other than the signed one.
    expect(await reasons(unwrapWebhook(body, headersFor(signature, String(NOW_S + 1)), options))).toBe("bad_signature");
    expect(await reasons(unwrapWebhook(body, {}, options))).toBe("missing_signature");
    expect(await reasons(unwrapWebhook(body, { "messagebird-signature": signature }, options))).toBe(
      "missing_signature",
    );
    expect(await reasons(unwrapWebhook(body, headersFor("bm90IGEgc2lnbmF0dXJl"), options))).toBe("bad_signature");
    expect(await reasons(unwrapWebhook(body, headersFor(signature, "yesterday"), options))).toBe("bad_signature");
  });

  it("refuses a correctly signed delivery whose timestamp is outside the tolerance (stale), both ways", async () => {
    for (const offset of [-301, 301]) {
      const timestamp = String(NOW_S + offset);
      const signature = sign(KEY, timestamp, URL_SIGNED, body);
      expect((await refusal(unwrapWebhook(body, headersFor(signature, timestamp), options))).reason).toBe("stale");
    }
    const timestamp = String(NOW_S - 300);
    const signature = sign(KEY, timestamp, URL_SIGNED, body);
    expect((await unwrapWebhook(body, headersFor(signature, timestamp), options)).event).toBe("channel.created");
    // A longer tolerance accepts a late retry.
    const late = String(NOW_S - 4 * 3600);
    const lateSignature = sign(KEY, late, URL_SIGNED, body);
    const event = await unwrapWebhook(body, headersFor(lateSignature, late), {
      ...options,
      toleranceSeconds: 8 * 3600,
    });
    expect(event.event).toBe("channel.created");
  });

  it("passes an event it does not know through, in the same envelope", async () => {
    const payload = JSON.stringify({ service: "channels", event: "whatsapp.inbound", payload: { id: "m1" } });
    const signature = sign(KEY, String(NOW_S), URL_SIGNED, payload);
    const event: BirdWebhookEvent = await unwrapWebhook(payload, headersFor(signature), options);
    expect(String(event.event)).toBe("whatsapp.inbound");
    expect(event).toEqual(JSON.parse(payload));
  });

  it("is a TypeError for a parsed body, a missing signing key or URL", async () => {
    const signature = sign(KEY, String(NOW_S), URL_SIGNED, body);
    await expect(unwrapWebhook(JSON.parse(body) as never, headersFor(signature), options)).rejects.toThrow(TypeError);
    await expect(unwrapWebhook(body, headersFor(signature), { ...options, signingKey: "" })).rejects.toThrow(TypeError);
    await expect(unwrapWebhook(body, headersFor(signature), { ...options, url: "/webhooks/bird" })).rejects.toThrow(
      /absolute URL/,
    );
  });

  it("renders a refusal without the signing key, the signature or the body, in every form", async () => {
    const signature = sign(KEY, String(NOW_S), URL_SIGNED, body);
    const error = await refusal(unwrapWebhook(`${body} `, headersFor(signature), options));
    for (const text of [String(error), JSON.stringify(error), inspect(error), error.message, error.stack ?? ""]) {
      expect(text).not.toContain(KEY);
      expect(text).not.toContain(signature);
      expect(text).not.toContain("whatsapp");
    }
  });
});
