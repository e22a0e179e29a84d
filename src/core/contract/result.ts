import type { AnyBspError } from "./error-types.ts";

/** Success: `data` is the typed body. */
export interface Ok<Data> {
  data: Data;
  error?: never;
  /** The final response (after any retries). */
  response: Response;
}

/** Failure: `error` is a member of the operation's error union; `response` is there when one arrived. */
export interface Err<Error> {
  data?: never;
  error: Error;
  response?: Response;
}

/** What every method returns: check `error` (a discriminated union on `kind`) before reading `data`. */
export type Result<Data, Error extends AnyBspError = AnyBspError> = Ok<Data> | Err<Error>;
