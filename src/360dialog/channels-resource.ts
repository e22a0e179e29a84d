import type { paths } from "../../generated/360dialog.ts";
import type { OffsetPage } from "../core/offset-pages.ts";
import type { Paginator } from "../core/paginator.ts";
import { validatePathParams } from "../core/path-params.ts";
import type { RequestOptions } from "../core/request-options.ts";
import type { Result } from "../core/result.ts";
import type { typedCall } from "../core/typed-call.ts";
import type { ChannelListParams } from "./list-params.ts";
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

type P = paths;

/** Names a channel of the partner. */
export interface ChannelRef {
  channelId: string;
}
/** Names a channel together with the client that owns it. */
export interface ClientChannelRef {
  clientId: string;
  channelId: string;
}

/** Channels (phone numbers) of the partner: listing, API keys, blocked users, settings, lifecycle. */
export function channelsResource(
  call: ReturnType<typeof typedCall<P>>,
  partnerId: string,
  list: (params?: ChannelListParams) => Paginator<Channel, OffsetPage<Channel>>,
) {
  const ch = (ref: ChannelRef) => ({ partner_id: partnerId, channel_id: ref?.channelId });
  const cc = (ref: ClientChannelRef) => ({
    partner_id: partnerId,
    client_id: ref?.clientId,
    channel_id: ref?.channelId,
  });
  return {
    /** Lists the partner's channels (lazy, paginated). @example for await (const c of d360.channels.list({ sort: "-created_at" })) … */
    list,
    /**
     * One channel by its ID: `data` is the channel, or `undefined` when the partner has no such channel.
     *
     * The 360dialog Partner API has no single-channel GET; this is the channel list filtered by `id`
     * with a page size of 1 (`GET /api/v2/partners/{partner_id}/channels?filters={"id":…}&limit=1`), so
     * its errors are the list's. `channelId` is checked like a path parameter (no empty, `.`, `..` or
     * control characters) before anything is sent.
     * @example const { data: channel } = await d360.channels.get({ channelId: "exampleCH" });
     */
    get: async (ref: ChannelRef, options?: RequestOptions): Promise<Result<ChannelGetData, ChannelGetError>> => {
      validatePathParams({ channelId: ref?.channelId }, {});
      const res = await call(
        "/api/v2/partners/{partner_id}/channels",
        "get",
        { path: { partner_id: partnerId }, query: { filters: JSON.stringify({ id: ref.channelId }), limit: 1 } },
        options,
      );
      if (res.error) return res;
      return { data: res.data.partner_channels?.[0], response: res.response };
    },
    /** Generates an API key for the channel (rate limited by 360dialog: 1 request per 30 s per channel). */
    createApiKey: (
      ref: ChannelRef,
      options?: RequestOptions,
    ): Promise<Result<ChannelCreateApiKeyData, ChannelCreateApiKeyError>> =>
      call(
        "/api/v2/partners/{partner_id}/channels/{channel_id}/api_keys",
        "post",
        {
          path: ch(ref),
        },
        options,
      ),
    /** Lists the users blocked on the channel. */
    listBlockedUsers: (
      ref: ChannelRef,
      options?: RequestOptions,
    ): Promise<Result<ChannelListBlockedUsersData, ChannelListBlockedUsersError>> =>
      call(
        "/api/v2/partners/{partner_id}/channels/{channel_id}/block_users",
        "get",
        {
          path: ch(ref),
        },
        options,
      ),
    /** Blocks users (phone numbers or WhatsApp ids) on the channel. */
    blockUsers: (
      ref: ChannelRef,
      body: ChannelBlockUsersParams,
      options?: RequestOptions,
    ): Promise<Result<ChannelBlockUsersData, ChannelBlockUsersError>> =>
      call(
        "/api/v2/partners/{partner_id}/channels/{channel_id}/block_users",
        "post",
        {
          path: ch(ref),
          body,
        },
        options,
      ),
    /** Unblocks users on the channel. */
    unblockUsers: (
      ref: ChannelRef,
      body: ChannelUnblockUsersParams,
      options?: RequestOptions,
    ): Promise<Result<ChannelUnblockUsersData, ChannelUnblockUsersError>> =>
      call(
        "/api/v2/partners/{partner_id}/channels/{channel_id}/block_users",
        "delete",
        {
          path: ch(ref),
          body,
        },
        options,
      ),
    /** Requests a new display name for the channel. */
    updateDisplayName: (
      ref: ClientChannelRef,
      body: ChannelUpdateDisplayNameParams,
      options?: RequestOptions,
    ): Promise<Result<ChannelUpdateDisplayNameData, ChannelUpdateDisplayNameError>> =>
      call(
        "/api/v2/partners/{partner_id}/clients/{client_id}/channels/{channel_id}",
        "put",
        {
          path: cc(ref),
          body,
        },
        options,
      ),
    /** Reactivates a previously cancelled channel. */
    reactivate: (
      ref: ClientChannelRef,
      options?: RequestOptions,
    ): Promise<Result<ChannelReactivateData, ChannelReactivateError>> =>
      call(
        "/api/v2/partners/{partner_id}/clients/{client_id}/channels/{channel_id}/control/reactivate",
        "post",
        {
          path: cc(ref),
        },
        options,
      ),
    /** Reads the channel's WhatsApp commerce settings. */
    getCommerceSettings: (
      ref: ClientChannelRef,
      options?: RequestOptions,
    ): Promise<Result<ChannelGetCommerceSettingsData, ChannelGetCommerceSettingsError>> =>
      call(
        "/api/v2/partners/{partner_id}/clients/{client_id}/channels/{channel_id}/whatsapp_commerce_settings",
        "get",
        { path: cc(ref) },
        options,
      ),
    /** Updates the channel's WhatsApp commerce settings. */
    updateCommerceSettings: (
      ref: ClientChannelRef,
      body: ChannelUpdateCommerceSettingsParams,
      options?: RequestOptions,
    ): Promise<Result<ChannelUpdateCommerceSettingsData, ChannelUpdateCommerceSettingsError>> =>
      call(
        "/api/v2/partners/{partner_id}/clients/{client_id}/channels/{channel_id}/whatsapp_commerce_settings",
        "post",
        {
          path: cc(ref),
          body,
        },
        options,
      ),
    /** Requests cancellation of the channel's subscription. */
    requestCancellation: (
      ref: ClientChannelRef,
      options?: RequestOptions,
    ): Promise<Result<ChannelRequestCancellationData, ChannelRequestCancellationError>> =>
      call(
        "/api/v2/partners/{partner_id}/clients/{client_id}/channels/{channel_id}/control/cancellation_request",
        "post",
        {
          path: cc(ref),
        },
        options,
      ),
    /** Stores the channel's message data in a region (confirmed by a PIN sent to the number). */
    enableLocalStorage: (
      ref: ClientChannelRef,
      body: ChannelEnableLocalStorageParams,
      options?: RequestOptions,
    ): Promise<Result<ChannelEnableLocalStorageData, ChannelEnableLocalStorageError>> =>
      call(
        "/api/v2/partners/{partner_id}/clients/{client_id}/channels/{channel_id}/control/enable_local_storage",
        "post",
        {
          path: cc(ref),
          body,
        },
        options,
      ),
    /** Reverts the channel to Cloud API's default storage. */
    disableLocalStorage: (
      ref: ClientChannelRef,
      options?: RequestOptions,
    ): Promise<Result<ChannelDisableLocalStorageData, ChannelDisableLocalStorageError>> =>
      call(
        "/api/v2/partners/{partner_id}/clients/{client_id}/channels/{channel_id}/control/disable_local_storage",
        "post",
        {
          path: cc(ref),
        },
        options,
      ),
  };
}
