import type { Call, CallRunner, WireRequest } from "../contract/call.ts";
import type { AnyBspError } from "../contract/error-types.ts";
import type { HttpMethod } from "../contract/operation-meta.ts";
import { defaultRequestOptions } from "../options/call-defaults.ts";
import { BspError } from "../results/bsp-error.ts";
import { resultFromOutcome } from "../results/error-factory.ts";
import { NO_BODY_STATUSES } from "../wire/http-facts.ts";
import { operationMatcher } from "../wire/match-operation.ts";

/**
 * The fetch behind `client.api` (openapi-fetch typed by `paths`, given this as its `fetch`): the
 * operation is found from the URL (for its rate limit and declared statuses), then the request runs
 * through the same lifecycle as every method: authentication, pacing, timeouts, the size cap, retries.
 * openapi-fetch gets the real response back and parses it itself. A failure without a response (or
 * while obtaining a token) is thrown as a BspError; a request is never sent unauthenticated.
 */
export function createEscapeHatch(runner: CallRunner): (input: Request) => Promise<Response> {
  const match = operationMatcher(runner.meta);
  return async (input) => {
    const { options } = runner;
    const found = match(options.baseUrl, input.url, input.method.toLowerCase() as HttpMethod);
    const call: Call = {
      path: found?.path ?? new URL(input.url).pathname,
      method: input.method,
      meta: found?.meta,
      pathParams: found?.params,
      options: { ...defaultRequestOptions(options), signal: input.signal },
    };
    const request: WireRequest = {
      url: input.url,
      method: input.method,
      headers: new Headers(input.headers),
      body: input.body ? await input.arrayBuffer() : undefined,
    };
    const settled = await runner.run(call, request);
    const { outcome } = settled;
    if (outcome.type !== "response" || settled.step) {
      const redactor = await runner.redactor();
      throw new BspError(resultFromOutcome(outcome, runner.errorContext(settled, call, redactor)).error as AnyBspError);
    }
    const { response } = outcome;
    return new Response(NO_BODY_STATUSES.has(response.status) ? null : outcome.text, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  };
}
