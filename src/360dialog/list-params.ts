import type { components, operations } from "../../generated/360dialog.ts";
import type { QueryOf } from "../core/call/typed-call.ts";
import type { ListOptions } from "../core/pagination/list-query.ts";

/** A filter value the API's schema does not type: any JSON scalar. */
export type JsonScalar = string | number | boolean | null;

/** Filter fields typed from a filter schema: its own type where it has one, a JSON scalar otherwise. */
export type FiltersOf<Schema> = { [K in keyof Schema]?: unknown extends Schema[K] ? JsonScalar : Schema[K] };

type SortKeyOf<Op> =
  QueryOf<Op> extends { sort?: infer S } ? (NonNullable<S> extends readonly (infer K)[] ? K : never) : never;

type ListChannels = operations["get_channel_management_docs_api_get_public_channels"];
type ListClients = operations["list_partner_clients"];

/** Filters of `channels.list`: the fields of `PartnerChannelsListFilterIn`, sent as `?filters=<JSON>`. */
export type ChannelFilters = FiltersOf<components["schemas"]["PartnerChannelsListFilterIn"]>;
/** Filters of `clients.list`: the fields of `PartnerClientsListFilterIn`, sent as `?filters=<JSON>`. */
export type ClientFilters = FiltersOf<components["schemas"]["PartnerClientsListFilterIn"]>;
/** A channel sort key; a leading `-` sorts descending. */
export type ChannelSortKey = SortKeyOf<ListChannels>;
/** A client sort key; a leading `-` sorts descending. */
export type ClientSortKey = SortKeyOf<ListClients>;

/** Filters, sort and paging of a 360dialog list. */
export interface ListParams<Filters, SortKey> extends ListOptions {
  /**
   * Field filters; unknown fields are compile errors, and TypeErrors for JavaScript callers.
   * @example { status: "ready", "client.name": "Acme", q: "+49" }
   */
  filters?: Filters;
  /**
   * Escape hatch: filter fields the spec does not know yet, merged into the `filters` JSON last and
   * not validated (beyond being JSON scalars).
   */
  extraFilters?: Record<string, string | number | boolean | null>;
  /**
   * One sort key or several, applied in order.
   * @example ["-created_at", "client.name"]
   */
  sort?: SortKey | readonly SortKey[];
}

/** The query parameters the list wrapper sends itself (`filters` and `sort` typed above, paging). */
type WrappedQuery = "filters" | "sort" | "offset" | "limit";

/**
 * The parameters of a list operation, derived from its generated type: the typed filters, sort and
 * paging, plus every other query parameter the operation declares (none today). A query parameter the
 * spec adds later appears here by itself, and a required one fails the caller's compile until it is
 * passed.
 */
export type ListParamsOf<Op, Filters, SortKey> = ListParams<Filters, SortKey> & Omit<QueryOf<Op>, WrappedQuery>;

/** Parameters of `channels.list`. */
export type ChannelListParams = ListParamsOf<ListChannels, ChannelFilters, ChannelSortKey>;
/** Parameters of `clients.list`. */
export type ClientListParams = ListParamsOf<ListClients, ClientFilters, ClientSortKey>;
