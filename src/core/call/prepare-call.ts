import type { Call, CallInit, WireRequest } from "../contract/call.ts";
import type { HttpMethod } from "../contract/operation-meta.ts";
import type { RequestOptions } from "../contract/request-options.ts";
import { defaultRequestOptions } from "../options/call-defaults.ts";
import { validatePathParams } from "../options/path-params.ts";
import { buildRequest } from "./build-request.ts";
import type { ClientState } from "./client-state.ts";

/**
 * Everything checked before anything is sent, then the request built: per-call options (loaded the
 * first time a call passes any), path parameters, query parameters against the spec (loaded the first
 * time a call has a query), `extraQuery` and `extraBody` merged last. Misuse is a TypeError or
 * RangeError at the call site; a caller's signal already aborted rejects here.
 */
export async function prepareCall(
  state: ClientState,
  path: string,
  method: HttpMethod,
  init: CallInit,
  requestOptions: RequestOptions | undefined,
): Promise<{ call: Call; request: WireRequest }> {
  const { meta } = state.provider;
  const op = meta.operations[path]?.[method];
  const operation = `${method.toUpperCase()} ${path}`;
  const checks = requestOptions === undefined ? undefined : await state.features.requestOptions();
  const options = checks
    ? checks.resolveRequestOptions(requestOptions, state.options, state.auth.credentialHeaders, operation)
    : defaultRequestOptions(state.options);
  if (init.path) {
    validatePathParams(init.path, state.provider.paramNames ?? {});
    if (op?.pathFormats) {
      const { checkPathFormats } = await state.features.pathFormats();
      checkPathFormats(init.path, state.provider.paramNames ?? {}, op.pathFormats);
    }
  }
  if (init.query !== undefined && Object.keys(init.query).length > 0) {
    const [{ validateQuery }, queries] = await Promise.all([state.features.queryChecks(), meta.loadQuery()]);
    validateQuery(init.query, queries[path]?.[method], operation);
  }
  const extraQuery = requestOptions?.extraQuery;
  const query = extraQuery ? { ...init.query, ...extraQuery } : init.query;
  const body = checks ? checks.withExtraBody(init.body, requestOptions?.extraBody, op, operation) : init.body;
  const call: Call = { path, method: method.toUpperCase(), meta: op, pathParams: init.path, options };
  options.signal?.throwIfAborted();
  return { call, request: buildRequest(state.options.baseUrl, call, { path: init.path, query, body }) };
}
