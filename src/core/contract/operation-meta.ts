/**
 * The runtime facts about a provider's operations, as scripts/render-meta.ts writes them from the
 * bundled spec into `generated/<provider>-meta.ts`. The generator emits plain data; these types are how
 * the client reads it, and the compiler checks the two agree where a client passes its generated meta
 * to the core.
 */

/** A JSON Schema subset checked at runtime: type, enum, pattern, bounds, items, required properties. */
export interface Shape {
  readonly type?: string | readonly string[];
  readonly enum?: readonly unknown[];
  readonly pattern?: string;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly items?: Shape;
  readonly properties?: { readonly [name: string]: Shape };
  readonly required?: readonly string[];
  /** `anyOf` / `oneOf` branches (full response shapes only): the value must match one. */
  readonly anyOf?: readonly Shape[];
}

/** The whole shape of each operation's response body per status (`generated/<provider>-responses.ts`). */
export type ResponsesMetaMap = {
  readonly [path: string]:
    | { readonly [method: string]: { readonly [status: string]: Shape | null } | undefined }
    | undefined;
};

/** What an operation's query parameters accept. */
export interface QueryMeta {
  /** Each plain query parameter's schema (arrays are sent as repeated parameters). */
  readonly params?: { readonly [name: string]: Shape };
  /** JSON-encoded object parameters (`content: application/json`): each allowed field and its schema. */
  readonly json?: { readonly [name: string]: { readonly [field: string]: Shape } };
  /** Sort-key parameters: the ascending keys (each also accepted with a leading "-"). */
  readonly sortKeys?: { readonly [name: string]: readonly string[] };
}

/** A documented rate limit (`x-bsp-rate-limit`). */
export interface RateLimitRule {
  /** Operations naming the same bucket share one budget. */
  readonly bucket?: string;
  readonly limit: number;
  readonly windowSeconds: number;
  /** Path parameters whose values each get their own budget. */
  readonly per?: readonly string[];
}

/** Where a list response keeps its items and position (`x-bsp-pagination`). */
export type PaginationMeta =
  | {
      readonly style: "offset";
      readonly items: string;
      readonly total: string;
      readonly offset: string;
      readonly limit: string;
    }
  | {
      readonly style: "cursor";
      readonly items: string;
      readonly next: string;
      readonly token: string;
      readonly limit: string;
    };

export interface OperationMeta {
  /** By declared status: the shape of its JSON body (success statuses: the top-level type only), null for no body. */
  readonly responses: { readonly [status: string]: Shape | null };
  /** The security schemes the operation accepts; empty: sent without authentication. */
  readonly security: readonly string[];
  readonly body?: boolean;
  readonly rateLimit?: RateLimitRule;
  readonly pagination?: PaginationMeta;
  /** The format the spec declares for a path parameter (`uuid`), by the parameter's name in the spec. */
  readonly pathFormats?: { readonly [name: string]: string };
}

/** Query constraints by path template and method (`generated/<provider>-query.ts`). */
export type QueryMetaMap = {
  readonly [path: string]: { readonly [method: string]: QueryMeta | undefined } | undefined;
};

export interface SecuritySchemeMeta {
  readonly type: string;
  readonly in?: string;
  readonly name?: string;
  readonly scheme?: string;
  /** Text before the credential in the header value (`x-bsp-prefix`), such as "AccessKey ". */
  readonly prefix?: string;
  /** Where a bearer token comes from (`x-bsp-token`). */
  readonly token?: {
    readonly path: string;
    readonly method: string;
    readonly tokenField: string;
    readonly expiresInField?: string;
  };
}

export type OperationsMeta = {
  readonly [path: string]: { readonly [method: string]: OperationMeta | undefined } | undefined;
};

export interface ProviderMeta {
  readonly operations: OperationsMeta;
  readonly securitySchemes: { readonly [name: string]: SecuritySchemeMeta };
  /** Loads the query constraints, the first time a call has query parameters or a list is iterated. */
  readonly loadQuery: () => Promise<QueryMetaMap>;
  /** Loads the full response shapes, the first time a client with `validateResponses` checks a body. */
  readonly loadResponses: () => Promise<ResponsesMetaMap>;
}

export type HttpMethod = "get" | "put" | "post" | "delete" | "patch";
