import { BspError } from "./bsp-error.ts";
import type { AnyBspError } from "./error-types.ts";
import { matchOperation } from "./match-operation.ts";
import type { HttpMethod } from "./operation-meta.ts";
import type { WireRequest } from "./send-attempt.ts";
import type { CallContext, Engine } from "./transport.ts";

/**
 * The fetch behind `client.api` (openapi-fetch typed by `paths`): the operation is found from the URL
 * (for its rate limit and declared statuses), then the call runs through the same lifecycle as every
 * method: authentication, pacing, timeouts, the size cap, retries. A failure without a response (or
 * while obtaining a token) is thrown as a BspError; a request is never sent unauthenticated.
 */
export async function fetchForApi(input: Request, engine: Engine): Promise<Response> {
  const { meta, options } = engine;
  const found = matchOperation(meta, options.baseUrl, input.url, input.method.toLowerCase() as HttpMethod);
  const ctx: CallContext = {
    path: found?.path ?? new URL(input.url).pathname,
    method: input.method,
    meta: found?.meta,
    pathParams: found?.params,
    options: { signal: input.signal, timeout: options.timeout, retry: options.retry, headers: undefined },
  };
  const wire: WireRequest = {
    url: input.url,
    method: input.method,
    headers: new Headers(input.headers),
    body: input.body ? await input.arrayBuffer() : undefined,
  };
  const settled = await engine.run(ctx, wire);
  const { outcome } = settled;
  if (outcome.type !== "response" || settled.step) {
    const { resultOf } = await import("./create-error.ts");
    throw new BspError(resultOf(outcome, engine.contextOf(settled, ctx)).error as AnyBspError);
  }
  const { response } = outcome;
  const noBody = response.status === 204 || response.status === 205 || response.status === 304;
  return new Response(noBody ? null : outcome.text, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}
