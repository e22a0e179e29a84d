import type { paths } from "../../generated/bird.ts";
import type { QueryOf, typedCall } from "../core/call/typed-call.ts";
import type { RequestOptions } from "../core/contract/request-options.ts";
import type { Result } from "../core/contract/result.ts";
import type { CursorPage } from "../core/pagination/cursor-pages.ts";
import type { Paginator } from "../core/pagination/paginator.ts";
import { OPERATIONS, type OperationOf } from "./operations.ts";
import type {
  BirdChannel,
  BirdChannelGetContactDetailsData,
  BirdChannelGetContactDetailsError,
  BirdChannelGetData,
  BirdChannelGetError,
} from "./types.ts";

type ListOp = OperationOf<"channels.list">;

type ListFilters = Omit<QueryOf<ListOp>, "limit" | "pageToken">;

/** Parameters of `bird.channels.list`: the documented filters plus paging. */
export interface BirdChannelListParams extends ListFilters, Omit<RequestOptions, "extraBody"> {
  /**
   * Channels per request (the API's `limit`).
   * @default 100
   */
  pageSize?: number;
  /**
   * Stop after this many channels.
   * @default Infinity
   */
  maxItems?: number;
}

/** The workspace's channels. */
export function birdChannelsResource(
  call: ReturnType<typeof typedCall<paths>>,
  workspaceId: string,
  list: (params?: BirdChannelListParams) => Paginator<BirdChannel, CursorPage<BirdChannel>>,
) {
  return {
    /**
     * Lists the workspace's channels (lazy, follows `nextPageToken`).
     * @example
     * for await (const channel of bird.channels.list({ status: "active" })) console.log(channel.name);
     */
    list,
    /**
     * Retrieves one channel.
     * @example
     * const { data, error } = await bird.channels.get({ channelId: "123e4567-e89b-12d3-a456-426614174000" });
     * if (!error) console.log(data.name, data.status);
     */
    get: (
      ref: { channelId: string },
      options?: RequestOptions,
    ): Promise<Result<BirdChannelGetData, BirdChannelGetError>> =>
      call(
        OPERATIONS["channels.get"],
        {
          path: { workspaceId, channelId: ref?.channelId },
        },
        options,
      ),
    /**
     * The channel's details for one contact, such as when its customer service window closes.
     * @example
     * const { data } = await bird.channels.getContactDetails({
     *   channelId: "123e4567-e89b-12d3-a456-426614174000",
     *   contactId: "523e4567-e89b-12d3-a456-426614174000",
     * });
     * console.log(data?.serviceWindowExpireAt);
     */
    getContactDetails: (
      ref: { channelId: string; contactId: string },
      options?: RequestOptions,
    ): Promise<Result<BirdChannelGetContactDetailsData, BirdChannelGetContactDetailsError>> =>
      call(
        OPERATIONS["channels.getContactDetails"],
        {
          path: { workspaceId, channelId: ref?.channelId, contactId: ref?.contactId },
        },
        options,
      ),
  };
}
