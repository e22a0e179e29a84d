import type { AnyBspError } from "../contract/error-types.ts";

const BRAND = Symbol.for("bsp-sdk.BspError");

/**
 * The thrown form of an error union member, for `unwrap`, iterators and `toArray`. `err.error` is the
 * same member a result would carry, so one `switch (err.error.kind)` handles both styles.
 */
export class BspError<E extends AnyBspError = AnyBspError> extends Error {
  override readonly name = "BspError";
  readonly error: E;

  constructor(error: E) {
    super(error.message);
    this.error = error;
    Object.defineProperty(this, BRAND, { value: true });
  }

  /**
   * `instanceof BspError` holds for a BspError from any copy of bsp-sdk (each entry point bundles its
   * own) and any realm, as `isBspError` does.
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return isBspError(value);
  }

  /** The kind of failure, as on `error.kind`. */
  get kind(): E["kind"] {
    return this.error.kind;
  }

  /** The HTTP status where there was a response. */
  get status(): number | undefined {
    return "status" in this.error ? this.error.status : undefined;
  }

  /** A plain form for logs: name, message and the error member (never a credential). */
  toJSON() {
    return { name: this.name, message: this.message, error: this.error };
  }
}

/**
 * True for a `BspError`, also one created by another copy of bsp-sdk or in another realm (an iframe,
 * a worker, a vm context), where `instanceof` fails.
 */
export function isBspError(value: unknown): value is BspError {
  return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
}
