/** Paging of one list call, checked by `resolveListOptions`. */
export interface Paging {
  pageSize: number;
  offset: number;
  maxItems: number;
  concurrency: number;
}

/** A list call's query and paging, checked against the spec when the list is first iterated. */
export type PrepareList = () => Promise<{ query: Record<string, unknown>; paging: Paging }>;
