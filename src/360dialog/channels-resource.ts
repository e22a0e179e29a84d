import type { paths } from "../../generated/360dialog.ts";
import type { typedCall } from "../core/call/typed-call.ts";
import type { RequestOptions } from "../core/contract/request-options.ts";
import type { Result } from "../core/contract/result.ts";
import { validatePathParams } from "../core/options/path-params.ts";
import type { OffsetPage } from "../core/pagination/offset-pages.ts";
import type { Paginator } from "../core/pagination/paginator.ts";
import type { ChannelListParams } from "./list-params.ts";
import { OPERATIONS } from "./operations.ts";
import type {
  Channel,
  ChannelBlockUsersData,
  ChannelBlockUsersError,
  ChannelBlockUsersParams,
  ChannelCreateApiKeyData,
  ChannelCreateApiKeyError,
  ChannelDisableLocalStorageData,
  ChannelDisableLocalStorageError,
  ChannelEnableLocalStorageData,
  ChannelEnableLocalStorageError,
  ChannelEnableLocalStorageParams,
  ChannelGetCommerceSettingsData,
  ChannelGetCommerceSettingsError,
  ChannelGetData,
  ChannelGetError,
  ChannelListBlockedUsersData,
  ChannelListBlockedUsersError,
  ChannelReactivateData,
  ChannelReactivateError,
  ChannelRequestCancellationData,
  ChannelRequestCancellationError,
  ChannelUnblockUsersData,
  ChannelUnblockUsersError,
  ChannelUnblockUsersParams,
  ChannelUpdateCommerceSettingsData,
  ChannelUpdateCommerceSettingsError,
  ChannelUpdateCommerceSettingsParams,
  ChannelUpdateDisplayNameData,
  ChannelUpdateDisplayNameError,
  ChannelUpdateDisplayNameParams,
} from "./types.ts";

/** Names a channel of the partner. */
export interface ChannelRef {
  channelId: string;
}
/** Names a channel together with the client that owns it. */
export interface ClientChannelRef {
  clientId: string;
  channelId: string;
}

// Longer than 60 lines on purpose: a table of methods, each one call under its documentation (the
// reference pages and the API report are read from it); split, the table would be scattered.
/** Channels (phone numbers) of the partner: listing, API keys, blocked users, settings, lifecycle. */
export function channelsResource(
  call: ReturnType<typeof typedCall<paths>>,
  partnerId: string,
  list: (params?: ChannelListParams) => Paginator<Channel, OffsetPage<Channel>>,
) {
  const channelPath = (ref: ChannelRef) => ({ partner_id: partnerId, channel_id: ref?.channelId });
  const clientChannelPath = (ref: ClientChannelRef) => ({
    partner_id: partnerId,
    client_id: ref?.clientId,
    channel_id: ref?.channelId,
  });
  return {
    /**
     * Lists the partner's channels (lazy, paginated): `filters` and `sort` are typed from the API's
     * filter schema and sort enum; pages are fetched as the loop goes.
     * @example
     * for await (const channel of d360.channels.list({ filters: { status: "ready" }, sort: ["-created_at"] })) {
     *   console.log(channel.id, channel.setup_info?.phone_number);
     * }
     */
    list,
    /**
     * One channel by its ID: `data` is the channel, or `undefined` when the partner has no such channel.
     *
     * The 360dialog Partner API has no single-channel GET; this is the channel list filtered by `id`
     * with a page size of 1 (`GET /api/v2/partners/{partner_id}/channels?filters={"id":…}&limit=1`), so
     * its errors are the list's. `channelId` is checked like a path parameter (no empty, `.`, `..` or
     * control characters) before anything is sent.
     * @example
     * const { data: channel } = await d360.channels.get({ channelId: "exampleCH" });
     * if (channel) console.log(channel.status);
     */
    get: async (ref: ChannelRef, options?: RequestOptions): Promise<Result<ChannelGetData, ChannelGetError>> => {
      validatePathParams({ channelId: ref?.channelId }, {});
      const res = await call(
        OPERATIONS["channels.get"],
        { path: { partner_id: partnerId }, query: { filters: JSON.stringify({ id: ref.channelId }), limit: 1 } },
        options,
      );
      if (res.error) return res;
      return { data: res.data.partner_channels?.[0], response: res.response };
    },
    /**
     * Generates an API key for the channel (rate limited by 360dialog: 1 request per 30 s per channel).
     * @example
     * const { data, error } = await d360.channels.createApiKey({ channelId: "exampleCH" });
     * if (error?.kind === "rate_limited") console.log(`try again in ${error.retryAfterMs} ms`);
     * else if (!error) console.log(data.api_key);
     */
    createApiKey: (
      ref: ChannelRef,
      options?: RequestOptions,
    ): Promise<Result<ChannelCreateApiKeyData, ChannelCreateApiKeyError>> =>
      call(
        OPERATIONS["channels.createApiKey"],
        {
          path: channelPath(ref),
        },
        options,
      ),
    /**
     * Lists the users blocked on the channel.
     * @example
     * const { data } = await d360.channels.listBlockedUsers({ channelId: "exampleCH" });
     * for (const user of data?.data.block_users ?? []) console.log(user.wa_id ?? user.input);
     */
    listBlockedUsers: (
      ref: ChannelRef,
      options?: RequestOptions,
    ): Promise<Result<ChannelListBlockedUsersData, ChannelListBlockedUsersError>> =>
      call(
        OPERATIONS["channels.listBlockedUsers"],
        {
          path: channelPath(ref),
        },
        options,
      ),
    /**
     * Blocks users (phone numbers or WhatsApp ids) on the channel.
     * @example
     * await d360.channels.blockUsers({ channelId: "exampleCH" }, { block_users: [{ user: "4915112345678" }] });
     */
    blockUsers: (
      ref: ChannelRef,
      body: ChannelBlockUsersParams,
      options?: RequestOptions,
    ): Promise<Result<ChannelBlockUsersData, ChannelBlockUsersError>> =>
      call(
        OPERATIONS["channels.blockUsers"],
        {
          path: channelPath(ref),
          body,
        },
        options,
      ),
    /**
     * Unblocks users on the channel.
     * @example
     * await d360.channels.unblockUsers({ channelId: "exampleCH" }, { block_users: [{ user: "4915112345678" }] });
     */
    unblockUsers: (
      ref: ChannelRef,
      body: ChannelUnblockUsersParams,
      options?: RequestOptions,
    ): Promise<Result<ChannelUnblockUsersData, ChannelUnblockUsersError>> =>
      call(
        OPERATIONS["channels.unblockUsers"],
        {
          path: channelPath(ref),
          body,
        },
        options,
      ),
    /**
     * Requests a new display name for the channel.
     * @example
     * await d360.channels.updateDisplayName({ clientId: "exampleCL", channelId: "exampleCH" }, { name: "Acme Support" });
     */
    updateDisplayName: (
      ref: ClientChannelRef,
      body: ChannelUpdateDisplayNameParams,
      options?: RequestOptions,
    ): Promise<Result<ChannelUpdateDisplayNameData, ChannelUpdateDisplayNameError>> =>
      call(
        OPERATIONS["channels.updateDisplayName"],
        {
          path: clientChannelPath(ref),
          body,
        },
        options,
      ),
    /**
     * Reactivates a previously cancelled channel.
     * @example
     * const { error } = await d360.channels.reactivate({ clientId: "exampleCL", channelId: "exampleCH" });
     * if (error) console.error(error.message);
     */
    reactivate: (
      ref: ClientChannelRef,
      options?: RequestOptions,
    ): Promise<Result<ChannelReactivateData, ChannelReactivateError>> =>
      call(
        OPERATIONS["channels.reactivate"],
        {
          path: clientChannelPath(ref),
        },
        options,
      ),
    /**
     * Reads the channel's WhatsApp commerce settings.
     * @example
     * const { data } = await d360.channels.getCommerceSettings({ clientId: "exampleCL", channelId: "exampleCH" });
     * console.log(data);
     */
    getCommerceSettings: (
      ref: ClientChannelRef,
      options?: RequestOptions,
    ): Promise<Result<ChannelGetCommerceSettingsData, ChannelGetCommerceSettingsError>> =>
      call(OPERATIONS["channels.getCommerceSettings"], { path: clientChannelPath(ref) }, options),
    /**
     * Updates the channel's WhatsApp commerce settings.
     * @example
     * await d360.channels.updateCommerceSettings(
     *   { clientId: "exampleCL", channelId: "exampleCH" },
     *   { is_catalog_visible: true, is_cart_enabled: false },
     * );
     */
    updateCommerceSettings: (
      ref: ClientChannelRef,
      body: ChannelUpdateCommerceSettingsParams,
      options?: RequestOptions,
    ): Promise<Result<ChannelUpdateCommerceSettingsData, ChannelUpdateCommerceSettingsError>> =>
      call(
        OPERATIONS["channels.updateCommerceSettings"],
        {
          path: clientChannelPath(ref),
          body,
        },
        options,
      ),
    /**
     * Requests cancellation of the channel's subscription.
     * @example
     * const { error } = await d360.channels.requestCancellation({ clientId: "exampleCL", channelId: "exampleCH" });
     * if (error?.kind === "api") console.error(error.status, error.message);
     */
    requestCancellation: (
      ref: ClientChannelRef,
      options?: RequestOptions,
    ): Promise<Result<ChannelRequestCancellationData, ChannelRequestCancellationError>> =>
      call(
        OPERATIONS["channels.requestCancellation"],
        {
          path: clientChannelPath(ref),
        },
        options,
      ),
    /**
     * Stores the channel's message data in a region (confirmed by a PIN sent to the number).
     * @example
     * await d360.channels.enableLocalStorage({ clientId: "exampleCL", channelId: "exampleCH" }, { data_localization_region: "DE" });
     */
    enableLocalStorage: (
      ref: ClientChannelRef,
      body: ChannelEnableLocalStorageParams,
      options?: RequestOptions,
    ): Promise<Result<ChannelEnableLocalStorageData, ChannelEnableLocalStorageError>> =>
      call(
        OPERATIONS["channels.enableLocalStorage"],
        {
          path: clientChannelPath(ref),
          body,
        },
        options,
      ),
    /**
     * Reverts the channel to Cloud API's default storage.
     * @example
     * await d360.channels.disableLocalStorage({ clientId: "exampleCL", channelId: "exampleCH" });
     */
    disableLocalStorage: (
      ref: ClientChannelRef,
      options?: RequestOptions,
    ): Promise<Result<ChannelDisableLocalStorageData, ChannelDisableLocalStorageError>> =>
      call(
        OPERATIONS["channels.disableLocalStorage"],
        {
          path: clientChannelPath(ref),
        },
        options,
      ),
  };
}
