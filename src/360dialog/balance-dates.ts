/**
 * A bound of a balance period, as people write one: a `Date`, an ISO 8601 string (`"2024-08-01"`,
 * `"2024-08-01T12:00:00+02:00"`) or UNIX seconds (the API's own form, sent as is).
 */
export type BalanceDate = Date | string | number;

/**
 * The smallest number taken for milliseconds: as seconds it would be past the year 5000, as
 * milliseconds it is March 1973, so anything from here on is a `Date.now()` or `getTime()` value.
 */
const MILLISECONDS_FROM = 100_000_000_000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i;

/**
 * One balance date as the API's UNIX seconds (a `Date` or an ISO string rounded down to its second).
 * A number that can only be milliseconds, an unparseable string or an invalid `Date` is refused before
 * anything is sent; other numbers are left to the spec's checks (an integer, at least 0).
 */
export function toUnixSeconds(value: unknown, name: string): unknown {
  if (value instanceof Date) {
    const ms = value.getTime();
    if (Number.isNaN(ms)) throw new RangeError(`${name} is an invalid Date`);
    return Math.floor(ms / 1000);
  }
  if (typeof value === "string") {
    const ms = ISO_DATE.test(value) ? Date.parse(value) : Number.NaN;
    if (Number.isNaN(ms)) {
      throw new TypeError(
        `${name} must be a Date, an ISO 8601 date ("2024-08-01", "2024-08-01T00:00:00Z") or UNIX seconds, got ${JSON.stringify(value)}`,
      );
    }
    return Math.floor(ms / 1000);
  }
  if (typeof value === "number" && Math.abs(value) >= MILLISECONDS_FROM) {
    throw new RangeError(
      `${name} ${value} is in milliseconds (a Date.now() or getTime() value); the API takes UNIX seconds: pass Math.floor(ms / 1000), a Date or an ISO string`,
    );
  }
  return value;
}

/** The balance query with its dates as UNIX seconds (see `toUnixSeconds`). */
export function balanceDates<Q extends { start_date?: unknown; end_date?: unknown }>(query: Q): Q {
  const out: Q = { ...query };
  if (query.start_date !== undefined) out.start_date = toUnixSeconds(query.start_date, "start_date");
  if (query.end_date !== undefined) out.end_date = toUnixSeconds(query.end_date, "end_date");
  return out;
}
