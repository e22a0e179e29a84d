import type { ListShape } from "../core/pagination/prepare-list.ts";
import type { ChannelListParams } from "./list-params.ts";

// Loaded on a list's first iteration (the client's initial chunk does not carry it).

/**
 * An offset-paginated list of the Partner API: `filters` (and `extraFilters`) as the JSON object the
 * API reads, `sort` as repeated parameters, the paging checked against the spec's limits; other query
 * parameters the spec declares pass through (each page's call checks the whole query).
 */
export const offsetListShape: ListShape = (
  rest,
  { operation, constraints, limitName, resolveListOptions, serializeJsonQuery, asArray },
) => {
  const { filters, extraFilters, sort, pageSize, offset, maxItems, concurrency, ...declared } =
    rest as ChannelListParams;
  const paging = resolveListOptions({ pageSize, offset, maxItems, concurrency }, constraints, limitName);
  const json = serializeJsonQuery(
    "filters",
    filters as Record<string, unknown> | undefined,
    extraFilters,
    constraints,
    operation,
  );
  const sorted = asArray(sort);
  return {
    query: { ...declared, ...(json ? { filters: json } : {}), ...(sorted ? { sort: sorted } : {}) },
    paging,
  };
};
