// Consumer-style code checked by `tsc` (npm run typecheck): each @ts-expect-error must stay an error,
// and each expectTypeOf must hold, or the typecheck fails. Never executed.
import { expectTypeOf } from "vitest";
import type { components } from "../../generated/360dialog.ts";
import type { query as meta } from "../../generated/360dialog-query.ts";
import {
  type ChannelListParams,
  type ChannelSortKey,
  type ClientSortKey,
  createDialog360Client,
  type Dialog360ErrorBody,
  type ListParamsOf,
  unwrap,
} from "../../src/360dialog/index.ts";
import type { AnyBspError, NetworkError, RateLimitedError, TimeoutError, UnexpectedError } from "../../src/index.ts";

type DefaultHttpError = components["schemas"]["DefaultHttpError"];
type DefaultValidationError = components["schemas"]["DefaultValidationError"];

// A helper shared by every call reads 360dialog's error fields through the named body type.
export function dialog360ErrorText(error: AnyBspError): string {
  if (error.kind !== "api") return error.message;
  const { meta } = error.body as Dialog360ErrorBody;
  return `${meta.http_code} ${meta.developer_message} (${meta["360dialog_trace_id"] ?? "no trace id"})`;
}

export async function consumer() {
  const d360 = createDialog360Client({ partnerId: "examplePA", apiKey: "k" });

  // Exactly one credential, at compile time: an environment variable's `string | undefined` compiles.
  const fromEnv: string | undefined = process.env.D360_PARTNER_API_KEY;
  createDialog360Client({ partnerId: "examplePA", apiKey: fromEnv });
  createDialog360Client({ partnerId: "examplePA", credentials: { username: "ops@example.com", password: "pw" } });
  // @ts-expect-error no credential at all
  createDialog360Client({ partnerId: "examplePA" });
  // @ts-expect-error both credentials
  createDialog360Client({ partnerId: "examplePA", apiKey: "k", credentials: { username: "u", password: "p" } });
  // @ts-expect-error credentials without a password
  createDialog360Client({ partnerId: "examplePA", credentials: { username: "u" } });

  // Balance dates: a Date, an ISO 8601 string or UNIX seconds.
  await d360.clients.getBalance(
    { clientId: "exampleCL" },
    { start_date: new Date("2024-08-01"), end_date: "2024-08-31" },
  );
  await d360.clients.getBalance({ clientId: "exampleCL" }, { start_date: 1722470400, granularity: "day" });
  // @ts-expect-error a boolean is no date
  await d360.clients.getBalance({ clientId: "exampleCL" }, { start_date: true });

  // Filters and sort keys are typed from the API's own schema and enum.
  d360.channels.list({
    filters: { status: "ready", "client.name": "Acme", q: "+49" },
    sort: ["-created_at", "client.name"],
  });
  d360.channels.list({ sort: "-waba_account.id" });
  d360.clients.list({ filters: { "contact_info.email": "a@example.com" }, sort: "-name" });
  // @ts-expect-error unknown filter field
  d360.channels.list({ filters: { colour: "red" } });
  // @ts-expect-error a status that is not a channel status
  d360.channels.list({ filters: { status: "sleeping" } });
  // @ts-expect-error the glued upstream value is not a sort key any more
  d360.channels.list({ sort: "integration.modified_atwaba_account.id" });
  // @ts-expect-error a client sort key is not a channel sort key
  d360.channels.list({ sort: ["-name"] });
  // @ts-expect-error a channel filter field is not a client filter field
  d360.clients.list({ filters: { "client.name": "Acme" } });

  // Bodies keep the API's snake_case names and required fields.
  // @ts-expect-error block_users is required
  await d360.channels.blockUsers({ channelId: "c" }, {});
  // @ts-expect-error is_catalog_visible is required
  await d360.channels.updateCommerceSettings({ clientId: "cl", channelId: "c" }, { is_cart_enabled: true });
  // @ts-expect-error not a region the API accepts
  await d360.channels.enableLocalStorage({ clientId: "cl", channelId: "c" }, { data_localization_region: "XX" });
  // @ts-expect-error clientId is required for a client's channel
  await d360.channels.reactivate({ channelId: "c" });
  // @ts-expect-error granularity is DAY or MONTH
  await d360.clients.getBalance({ clientId: "cl" }, { granularity: "WEEK" });

  const res = await d360.channels.createApiKey({ channelId: "exampleCH" });
  // @ts-expect-error data may be undefined until error is ruled out
  res.data.api_key;
  if (res.error) {
    // @ts-expect-error body does not exist on network and timeout errors: narrow on kind first
    res.error.body;
    switch (res.error.kind) {
      case "api":
        expectTypeOf(res.error.status).toEqualTypeOf<400 | 401 | 403 | 404 | 429 | 500 | 503>();
        // Every status's body is a Dialog360ErrorBody, without a cast.
        expectTypeOf(res.error.body).toExtend<Dialog360ErrorBody>();
        if (res.error.status === 400) expectTypeOf(res.error.body).toEqualTypeOf<DefaultValidationError>();
        if (res.error.status === 404) {
          expectTypeOf(res.error.body).toEqualTypeOf<DefaultHttpError>();
          expectTypeOf(res.error.body.meta.developer_message).toEqualTypeOf<string>();
        }
        if (res.error.status === 429) expectTypeOf(res.error.retryAfterMs).toEqualTypeOf<number | undefined>();
        // @ts-expect-error 418 is not a status this operation declares
        if (res.error.status === 418) break;
        break;
      case "unexpected":
        expectTypeOf(res.error).toEqualTypeOf<UnexpectedError>();
        expectTypeOf(res.error.body).toEqualTypeOf<unknown>();
        break;
      case "network":
        expectTypeOf(res.error).toEqualTypeOf<NetworkError>();
        break;
      case "timeout":
        expectTypeOf(res.error).toEqualTypeOf<TimeoutError>();
        break;
      case "rate_limited":
        expectTypeOf(res.error).toEqualTypeOf<RateLimitedError>();
        expectTypeOf(res.error.retryAfterMs).toEqualTypeOf<number>();
        break;
      default:
        expectTypeOf(res.error).toBeNever();
    }
    expectTypeOf(res.error.attempts).toEqualTypeOf<number>();
    expectTypeOf(res.error.traceId).toEqualTypeOf<string | undefined>();
  } else {
    expectTypeOf(res.data).toEqualTypeOf<components["schemas"]["ApiKeyOut"]>();
    expectTypeOf(res.response).toEqualTypeOf<Response>();
  }

  // The balance's 429 (documented rate limit) is part of its union.
  const balance = await d360.clients.getBalance({ clientId: "cl" });
  if (balance.error?.kind === "api")
    expectTypeOf(balance.error.status).toEqualTypeOf<400 | 401 | 404 | 429 | 500 | 503>();

  // Items and pages are typed.
  for await (const channel of d360.channels.list())
    expectTypeOf(channel).toEqualTypeOf<components["schemas"]["PartnerChannelsPublicPayload"]>();
  for await (const page of d360.clients.list().pages()) {
    expectTypeOf(page.items).toEqualTypeOf<components["schemas"]["PartnerClientOut"][]>();
    expectTypeOf(page.total).toEqualTypeOf<number>();
  }
  expectTypeOf(unwrap(await d360.partner.update({ webhook_url: "https://x" }))).toEqualTypeOf<
    components["schemas"]["PartnerOut"]
  >();

  // The escape hatch is the typed openapi-fetch client.
  const raw = await d360.api.GET("/api/v2/partners/{partner_id}/channels", { params: { path: { partner_id: "p" } } });
  expectTypeOf(raw.data).toExtend<components["schemas"]["PartnerChannelsPublicOut"] | undefined>();
  expectTypeOf<components["schemas"]["PartnerChannelsPublicOut"] | undefined>().toExtend<typeof raw.data>();
}

// The runtime lists the client validates with are the same sets as the types.
type ListPath = "/api/v2/partners/{partner_id}/channels" | "/api/v2/partners/{partner_id}/clients";
type Ascending<P extends ListPath> = (typeof meta)[P]["get"]["sortKeys"]["sort"][number];
type MetaSort<P extends ListPath> = Ascending<P> | `-${Ascending<P>}`;
expectTypeOf<MetaSort<"/api/v2/partners/{partner_id}/channels">>().toEqualTypeOf<ChannelSortKey>();
expectTypeOf<MetaSort<"/api/v2/partners/{partner_id}/clients">>().toEqualTypeOf<ClientSortKey>();
type MetaFilterKeys<P extends keyof typeof meta> = (typeof meta)[P] extends {
  get: { json: { filters: infer F } };
}
  ? keyof F
  : never;
expectTypeOf<MetaFilterKeys<"/api/v2/partners/{partner_id}/channels">>().toEqualTypeOf<
  keyof components["schemas"]["PartnerChannelsListFilterIn"]
>();

// The escape hatch keeps openapi-fetch's types: a misspelled path parameter or an unknown query key
// does not compile.
export async function escapeHatch(d360: ReturnType<typeof createDialog360Client>) {
  await d360.api.GET("/api/v2/partners/{partner_id}/channels/{channel_id}/block_users", {
    params: { path: { partner_id: "p", channel_id: "c" } },
  });
  await d360.api.GET("/api/v2/partners/{partner_id}/channels/{channel_id}/block_users", {
    // @ts-expect-error channelid is not a path parameter of this operation
    params: { path: { partner_id: "p", channelid: "c" } },
  });
  await d360.api.GET("/api/v2/partners/{partner_id}/clients/{client_id}/info/balance", {
    // @ts-expect-error granularty is not a query parameter of this operation
    params: { path: { partner_id: "p", client_id: "c" }, query: { granularty: "DAY" } },
  });
}

// List parameters are derived from the generated operation: a query parameter the spec adds appears
// in them, and a required one must be passed (a regeneration that adds one breaks the compile here).
type ListWithRequiredQuery = {
  parameters: { query: { filters?: string; sort?: string[]; offset?: number; limit?: number; region: string } };
};
expectTypeOf<{ region: "DE" }>().toExtend<ListParamsOf<ListWithRequiredQuery, Record<string, never>, never>>();
expectTypeOf<{ pageSize: 10 }>().not.toExtend<ListParamsOf<ListWithRequiredQuery, Record<string, never>, never>>();
expectTypeOf<Record<string, never>>().toExtend<ChannelListParams>();
