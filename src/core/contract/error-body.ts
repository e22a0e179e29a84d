/** What a provider can read out of its error bodies. */
export type ErrorBodyReader = (body: unknown) => { message?: string; traceId?: string };
