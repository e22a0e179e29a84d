import type { AnyBspError } from "../contract/error-types.ts";
import { BspError } from "../results/bsp-error.ts";

/** Throws the error of a failed page result, as iterators do. */
export function throwIfError<T extends { error?: unknown }>(result: T): asserts result is T & { error?: undefined } {
  if (result.error) throw new BspError(result.error as AnyBspError);
}
