import type { DataOf, ErrorOf } from "./error-types.ts";
import type { Result } from "./result.ts";
import type { SendSpec, Transport } from "./transport.ts";

type Method = SendSpec["method"];

/** The JSON request body type of an operation. */
export type BodyOf<Op> = Op extends { requestBody?: { content: { "application/json": infer B } } } ? B : never;
/** The query parameters type of an operation. */
export type QueryOf<Op> = Op extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;
/** The result type of an operation. */
export type ResultOf<Op> = Result<DataOf<Op>, ErrorOf<Op>>;

/** Options every method takes last. */
export interface RequestOptions {
  /** Cancels the request (and any retry wait); the call rejects with the signal's reason. */
  signal?: AbortSignal;
}

/**
 * Binds a transport to a provider's generated `paths`, so that each resource method is one line: the
 * path template and method pick the operation, and its result type follows from the generated types.
 */
export function typedCall<Paths>(transport: Transport, paramNames: Record<string, string>) {
  return function call<P extends keyof Paths & string, M extends keyof Paths[P] & Method>(
    path: P,
    method: M,
    init: {
      path?: Record<string, unknown>;
      query?: Record<string, unknown>;
      body?: unknown;
      signal?: AbortSignal | undefined;
    },
  ): Promise<ResultOf<Paths[P][M]>> {
    return transport.send({
      method,
      path,
      params: { ...(init.path ? { path: init.path } : {}), ...(init.query ? { query: init.query } : {}) },
      paramNames,
      body: init.body,
      signal: init.signal,
    }) as Promise<ResultOf<Paths[P][M]>>;
  };
}
