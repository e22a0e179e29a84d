import createClient from "openapi-fetch";
import type { CallRunner, ProviderBinding, Transport } from "../contract/call.ts";
import type { ResolvedTransportOptions } from "../contract/client-options.ts";
import { createAuth } from "./auth.ts";
import { buildRequest } from "./build-request.ts";
import type { ClientState } from "./client-state.ts";
import { errorContext, finishCall } from "./finish-call.ts";
import { loadFeatures } from "./load-features.ts";
import { prepareCall } from "./prepare-call.ts";
import { runCall } from "./run-call.ts";

/**
 * A client's transport: wires its state (options, provider, auth, features) to the steps of one call
 * (`prepareCall`, `runCall`, `finishCall`) and to the typed openapi-fetch client, whose `fetch` routes
 * each of its requests into the same lifecycle.
 */
export function createTransport<Paths extends object>(
  options: ResolvedTransportOptions,
  provider: ProviderBinding,
): Transport<Paths> {
  let lastRequestId = 0;
  const runner: CallRunner = {
    meta: provider.meta,
    options,
    run: (call, request) => runCall(state, call, request),
    send: (call, init) => runCall(state, call, buildRequest(options.baseUrl, call, init)),
    redactor: () => features.redactor(),
    errorContext: (settled, call, redactor) => errorContext(state, settled, call, redactor),
  };
  const features = loadFeatures({ options, provider, runner: () => runner });
  const auth = createAuth({
    meta: provider.meta,
    credentials: provider.credentials,
    runner: () => runner,
    clock: options.clock,
    features,
  });
  const state: ClientState = { options, provider, auth, features, runner, nextRequestId: () => ++lastRequestId };
  return {
    meta: provider.meta,
    api: createClient<Paths>({
      baseUrl: options.baseUrl,
      fetch: async (request) => (await features.escapeHatch())(request),
    }),
    addSecret: (secret) => features.addSecret(secret),
    async call(path, method, init, requestOptions) {
      const { call, request } = await prepareCall(state, path, method, init, requestOptions);
      return finishCall(state, call, await runCall(state, call, request));
    },
  };
}
