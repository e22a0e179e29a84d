import type { AnyBspError } from "../contract/error-types.ts";
import type { Result } from "../contract/result.ts";
import { BspError } from "./bsp-error.ts";

/**
 * Returns the data of a successful result, or throws a `BspError` carrying the error member.
 * @example
 * const { api_key } = unwrap(await d360.channels.createApiKey({ channelId }));
 */
export function unwrap<Data, E extends AnyBspError>(result: Result<Data, E>): Data {
  if (result.error) throw new BspError(result.error);
  return result.data as Data;
}
