import type { ListShape } from "../core/pagination/prepare-list.ts";
import type { BirdChannelListParams } from "./channels-resource.ts";

// Loaded on a list's first iteration (the client's initial chunk does not carry it).

/** `channels.list`: filters pass through as query parameters (checked against the spec by each page's call). */
export const channelListShape: ListShape = (rest, { constraints, limitName, resolveListOptions }) => {
  const { pageSize, maxItems, ...filters } = rest as BirdChannelListParams;
  const paging = resolveListOptions({ pageSize, maxItems }, constraints, limitName);
  return { query: filters, paging: { ...paging, offset: 0, concurrency: 1 } };
};
