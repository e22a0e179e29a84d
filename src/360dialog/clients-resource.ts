import type { paths } from "../../generated/360dialog.ts";
import type { QueryOf, typedCall } from "../core/call/typed-call.ts";
import type { RequestOptions } from "../core/contract/request-options.ts";
import type { Result } from "../core/contract/result.ts";
import type { OffsetPage } from "../core/pagination/offset-pages.ts";
import type { Paginator } from "../core/pagination/paginator.ts";
import type { balanceDates } from "./balance-dates.ts";
import type { ClientListParams } from "./list-params.ts";
import { OPERATIONS, type OperationOf } from "./operations.ts";
import type {
  Client,
  ClientGetBalanceData,
  ClientGetBalanceError,
  ClientGetBalanceParams,
  ClientListSharedNumbersData,
  ClientListSharedNumbersError,
  ClientUpdateData,
  ClientUpdateError,
  ClientUpdateParams,
} from "./types.ts";

type ClientGetBalanceOp = OperationOf<"clients.getBalance">;

/** Names a client of the partner. */
export interface ClientRef {
  clientId: string;
}

// Longer than 60 lines on purpose: a table of methods, each one call under its documentation (the
// reference pages and the API report are read from it); split, the table would be scattered.
/** The partner's clients: listing, settings, balance and the numbers the partner may manage. */
export function clientsResource(
  call: ReturnType<typeof typedCall<paths>>,
  partnerId: string,
  list: (params?: ClientListParams) => Paginator<Client, OffsetPage<Client>>,
  /** The balance dates' conversion, loaded with the first balance call that has a date. */
  loadBalanceDates: () => Promise<{ balanceDates: typeof balanceDates }>,
) {
  const clientPath = (ref: ClientRef) => ({ partner_id: partnerId, client_id: ref?.clientId });
  return {
    /**
     * Lists the partner's clients (lazy, paginated).
     * @example
     * const clients = await d360.clients.list({ sort: ["-created_at"], maxItems: 500 }).toArray();
     * console.log(clients.length);
     */
    list,
    /**
     * Updates a client's `partner_payload` and `max_channels`.
     * @example
     * await d360.clients.update({ clientId: "exampleCL" }, { max_channels: 5 });
     */
    update: (
      ref: ClientRef,
      body: ClientUpdateParams,
      options?: RequestOptions,
    ): Promise<Result<ClientUpdateData, ClientUpdateError>> =>
      call(
        OPERATIONS["clients.update"],
        {
          path: clientPath(ref),
          body,
        },
        options,
      ),
    /**
     * A client's balance and usage (rate limited by 360dialog: 5 requests per 30 s).
     *
     * `start_date` and `end_date` take a `Date`, an ISO 8601 string or UNIX seconds (sent as UNIX
     * seconds); a number that can only be milliseconds (`Date.now()`) is refused before anything is sent.
     * `granularity` takes `"day"`/`"month"` or the upper-case `"DAY"`/`"MONTH"` the guide's prose names;
     * it is sent in lower case, the form every example of the vendor's uses and echoes.
     * @example
     * const { data } = await d360.clients.getBalance(
     *   { clientId: "exampleCL" },
     *   { start_date: new Date("2023-08-10"), end_date: "2023-08-11T23:59:59Z", granularity: "day" },
     * );
     * console.log(data?.balance);
     */
    getBalance: (
      ref: ClientRef,
      query?: ClientGetBalanceParams,
      options?: RequestOptions,
    ): Promise<Result<ClientGetBalanceData, ClientGetBalanceError>> => {
      const path = clientPath(ref);
      if (query?.start_date === undefined && query?.end_date === undefined) {
        return call(
          OPERATIONS["clients.getBalance"],
          { path, ...(query ? { query: balanceQuery(query) } : {}) },
          options,
        );
      }
      // A bad date rejects the call's promise before anything is sent, as the core's own checks do.
      return loadBalanceDates().then(({ balanceDates }) =>
        call(OPERATIONS["clients.getBalance"], { path, query: balanceQuery(balanceDates(query)) }, options),
      );
    },
    /**
     * The client's numbers that the partner has permission to manage.
     * @example
     * const { data } = await d360.clients.listSharedNumbers({ clientId: "exampleCL" });
     * console.log(data?.length);
     */
    listSharedNumbers: (
      ref: ClientRef,
      options?: RequestOptions,
    ): Promise<Result<ClientListSharedNumbersData, ClientListSharedNumbersError>> =>
      call(
        OPERATIONS["clients.listSharedNumbers"],
        {
          path: clientPath(ref),
        },
        options,
      ),
  };
}

/** The balance query as the API takes it (its dates already UNIX seconds): `granularity` in lower case. */
function balanceQuery(query: ClientGetBalanceParams): QueryOf<ClientGetBalanceOp> {
  return lowerGranularity(query) as QueryOf<ClientGetBalanceOp>;
}

/** The balance query with `granularity` in the lower case the vendor's examples send (anything else is left to validation). */
function lowerGranularity<Q extends { granularity?: string }>(query: Q): Q {
  const g = query.granularity;
  return g === "DAY" || g === "MONTH" ? { ...query, granularity: g.toLowerCase() } : query;
}
