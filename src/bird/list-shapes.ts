import type { ListShape } from "../core/pagination/prepare-list.ts";
import type { BirdChannelListParams } from "./channels-resource.ts";

// Loaded on a list's first iteration (the client's initial chunk does not carry it).

/** `channels.list`: filters pass through as query parameters (checked against the spec by each page's call). */
export const channelListShape: ListShape = (rest, { constraints, limitName, resolveListOptions }) => {
  const { pageSize, maxItems, ...filters } = rest as BirdChannelListParams;
  const paging = resolveListOptions({ pageSize, maxItems }, constraints, limitName);
  return { query: filters, paging: { ...paging, offset: 0, concurrency: 1 } };
};

/** A cursor list with paging only (`webhookSubscriptions.list`). */
export const pagedListShape: ListShape = (rest, { constraints, limitName, resolveListOptions }) => {
  const { pageSize, maxItems, ...others } = rest as { pageSize?: number; maxItems?: number };
  const paging = resolveListOptions({ pageSize, maxItems }, constraints, limitName);
  return { query: others, paging: { ...paging, offset: 0, concurrency: 1 } };
};
