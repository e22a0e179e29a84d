/**
 * What the bundled spec declares about an operation's query parameters, as scripts/render-meta.ts
 * writes it into `generated/<provider>-meta.ts` and the client reads it at runtime.
 */
export interface QueryMeta {
  /** JSON-encoded object parameters (content: application/json): each allowed field and its enum, or null. */
  json?: Record<string, Record<string, readonly unknown[] | null>>;
  /** Parameters whose values (or array items) come from an enum. */
  enums?: Record<string, readonly unknown[]>;
  /** Every other query parameter: its JSON type (arrays: of their items) and pattern. */
  types?: Record<string, { type: string; array?: true; pattern?: string }>;
  /** Sort-key enums where every key also exists with a leading "-": only the ascending keys are listed. */
  sortKeys?: Record<string, readonly string[]>;
  /** Numeric bounds. */
  bounds?: Record<string, { minimum?: number; maximum?: number }>;
}
