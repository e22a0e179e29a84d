import type { QueryMeta } from "../contract/operation-meta.ts";
import type { Paging } from "../contract/paging.ts";
import type { RequestOptions } from "../contract/request-options.ts";
import { splitRequestOptions } from "../options/split-request-options.ts";
import { serializeJsonQuery } from "../options/validate-query.ts";
import { asArray, resolveListOptions } from "./list-query.ts";

/** The checks a provider's list shape uses: list options, the JSON query encoding, the spec's constraints. */
export interface ListShapeTools {
  /** The list operation's query constraints from the spec. */
  constraints: QueryMeta | undefined;
  /** The name of the list's page-size parameter (`x-bsp-pagination`). */
  limitName: string;
  /** `GET /path/template` of the list, for messages. */
  operation: string;
  resolveListOptions: typeof resolveListOptions;
  serializeJsonQuery: typeof serializeJsonQuery;
  asArray: typeof asArray;
}

/** How a provider turns a list's params (its per-call options taken out) into the query and paging. */
export type ListShape = (
  rest: Record<string, unknown>,
  tools: ListShapeTools,
) => { query: Record<string, unknown>; paging: Paging };

/**
 * A list's params, on its first iteration: per-call options separated from the rest by the
 * `RequestOptions` type (a new option is never sent as a query parameter), then the provider's shape
 * checks the rest against the spec and makes the query and paging.
 */
export function prepareList(
  given: Record<string, unknown>,
  shape: ListShape,
  spec: { constraints: QueryMeta | undefined; limitName: string; operation: string },
): { query: Record<string, unknown>; paging: Paging; perPage: Omit<RequestOptions, "signal"> } {
  const { request, rest } = splitRequestOptions(given);
  const { signal: _signal, ...perPage } = request;
  const { query, paging } = shape(rest, { ...spec, resolveListOptions, serializeJsonQuery, asArray });
  return { query, paging, perPage };
}
