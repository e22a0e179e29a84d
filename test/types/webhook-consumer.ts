// Consumer-style code checked by `tsc` (npm run typecheck): a switch over the known event names
// narrows each to its own type while unknown events reach `default`. Each @ts-expect-error must stay
// an error, and each expectTypeOf must hold, or the typecheck fails. Never executed.
import { expectTypeOf } from "vitest";
import {
  createWebhookHandler,
  type Dialog360WebhookEvent,
  type UnknownWebhookEvent,
  unwrapWebhook,
} from "../../src/360dialog/index.ts";
import { type BirdWebhookEvent, unwrapWebhook as unwrapBirdWebhook } from "../../src/bird/index.ts";

export async function dialog360(body: string, headers: Headers) {
  const event = await unwrapWebhook(body, headers, { secret: "s" });
  expectTypeOf(event).toEqualTypeOf<Dialog360WebhookEvent>();
  switch (event.event) {
    case "channel_created":
      expectTypeOf(event.event).toEqualTypeOf<"channel_created">();
      expectTypeOf(event.phone_number).toEqualTypeOf<string | undefined>();
      expectTypeOf(event.client_id).toEqualTypeOf<string | undefined>();
      break;
    case "account_violation":
      expectTypeOf(event.phone_number).toEqualTypeOf<string | undefined>();
      // @ts-expect-error account_violation documents no phone_name
      void event.phone_name.length;
      break;
    case "client_created":
      expectTypeOf(event.event).toEqualTypeOf<"client_created">();
      break;
    default:
      // Unknown events (and the known ones not handled above) land here, passed through.
      if (typeof event.event !== "string") expectTypeOf(event).toMatchTypeOf<UnknownWebhookEvent>();
  }
  // @ts-expect-error not a documented event name
  if (event.event === "channel_deleted_typo") return;
  // @ts-expect-error a parsed body is refused at compile time too
  await unwrapWebhook({ event: "channel_created" }, headers, { secret: "s" });
  createWebhookHandler({
    secret: ["new", "old"],
    on: {
      channel_live: (e) => expectTypeOf(e.event).toEqualTypeOf<"channel_live">(),
      // @ts-expect-error not a documented event name
      channel_gone: () => {},
    },
  });
}

export async function bird(body: Uint8Array, headers: Record<string, string>) {
  const event = await unwrapBirdWebhook(body, headers, { signingKey: "k", url: "https://example.com/hook" });
  expectTypeOf(event).toEqualTypeOf<BirdWebhookEvent>();
  if (event.event === "channel.created") {
    expectTypeOf(event.service).toEqualTypeOf<"channels">();
  }
  // @ts-expect-error Bird signs the URL: it is required
  await unwrapBirdWebhook(body, headers, { signingKey: "k" });
}
