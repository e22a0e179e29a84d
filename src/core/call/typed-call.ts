import type { CallInit, Transport } from "../contract/call.ts";
import type { DataOf, ErrorOf } from "../contract/error-types.ts";
import type { HttpMethod } from "../contract/operation-meta.ts";
import type { RequestOptions } from "../contract/request-options.ts";
import type { Result } from "../contract/result.ts";

/** The JSON request body type of an operation. */
export type BodyOf<Op> = Op extends { requestBody?: { content: { "application/json": infer B } } } ? B : never;
/** The query parameters type of an operation. */
export type QueryOf<Op> = Op extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;
/** The result type of an operation. */
export type ResultOf<Op> = Result<DataOf<Op>, ErrorOf<Op>>;

/** An operation of a generated `paths`: its path template and HTTP method. */
export type OperationRef<Paths> = {
  [P in keyof Paths & string]: { readonly path: P; readonly method: keyof Paths[P] & HttpMethod };
}[keyof Paths & string];

/**
 * Binds a transport to a provider's generated `paths`, so that each resource method is one line: the
 * operation (from the provider's table) picks the path and method, and its result type follows from
 * the generated types.
 */
export function typedCall<Paths extends object>(transport: Pick<Transport, "call">) {
  return function call<P extends keyof Paths & string, M extends keyof Paths[P] & HttpMethod>(
    operation: { readonly path: P; readonly method: M },
    init: CallInit,
    options?: RequestOptions,
  ): Promise<ResultOf<Paths[P][M]>> {
    return transport.call(operation.path, operation.method, init, options) as Promise<ResultOf<Paths[P][M]>>;
  };
}
