// Consumer-style Bird code checked by `tsc`; never executed.
import { expectTypeOf } from "vitest";
import type { components } from "../../generated/bird.ts";
import { type BirdErrorBody, createBirdClient } from "../../src/bird/index.ts";
import type { AnyBspError } from "../../src/index.ts";

// A helper shared by every call reads Bird's error fields through the named body type.
export function birdErrorText(error: AnyBspError): string {
  if (error.kind !== "api") return error.message;
  const body = error.body as BirdErrorBody;
  return `${body.code}: ${body.message}`;
}

export async function birdConsumer() {
  const bird = createBirdClient({ accessKey: "k", workspaceId: "w" });
  bird.channels.list({ status: "active", platform: "whatsapp", reverse: true, pageSize: 50 });
  // @ts-expect-error not a channel status
  bird.channels.list({ status: "sleeping" });
  // @ts-expect-error reverse is a boolean
  bird.channels.list({ reverse: "yes" });
  // @ts-expect-error the cursor is the paginator's business
  bird.channels.list({ pageToken: "abc" });
  // @ts-expect-error contactId is required
  await bird.channels.getContactDetails({ channelId: "c" });

  const res = await bird.channels.get({ channelId: "c" });
  if (res.error) {
    // @ts-expect-error body does not exist on network and timeout errors
    res.error.body;
    if (res.error.kind === "api") {
      expectTypeOf(res.error.status).toEqualTypeOf<401 | 403 | 404 | 429 | 500 | 503>();
      expectTypeOf(res.error.body).toEqualTypeOf<components["schemas"]["BirdError"]>();
      const named: BirdErrorBody = res.error.body;
      expectTypeOf(named.code).toEqualTypeOf<string>();
      // Bird's error body is open: the raw fields stay reachable.
      expectTypeOf(res.error.body).toHaveProperty("message");
    }
  } else {
    expectTypeOf(res.data).toEqualTypeOf<components["schemas"]["Channel"]>();
    expectTypeOf(res.data.status).toEqualTypeOf<components["schemas"]["ChannelStatus"]>();
  }
  for await (const page of bird.channels.list().pages()) {
    expectTypeOf(page.items).toEqualTypeOf<components["schemas"]["Channel"][]>();
    expectTypeOf(page.nextPageToken).toEqualTypeOf<string | undefined>();
  }
}
