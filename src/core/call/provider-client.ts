import type { SchemeCredentials, Transport } from "../contract/call.ts";
import type { TransportOptions } from "../contract/client-options.ts";
import type { ErrorBodyReader } from "../contract/error-body.ts";
import type { ProviderMeta, SecuritySchemeMeta } from "../contract/operation-meta.ts";
import { resolveTransportOptions } from "../options/transport-options.ts";
import { listPaginator, snapshotParams } from "../pagination/list-paginator.ts";
import type { Page, Paginator } from "../pagination/paginator.ts";
import type { ListShape } from "../pagination/prepare-list.ts";
import { createTransport } from "./create-transport.ts";
import { loadListMachinery } from "./load-features.ts";
import { typedCall } from "./typed-call.ts";

/** A provider as a client factory declares it once: its spec facts, its error bodies, its defaults. */
export interface ProviderDefinition {
  meta: ProviderMeta;
  readErrorBody: ErrorBodyReader;
  defaultBaseUrl: string;
  /** Labels for path parameters in error messages (`channelId` rather than `channel_id`). */
  paramNames?: Record<string, string>;
}

/** The credential a client was given: an API key, or a login exchanged for a token (checked by its factory). */
export interface ClientCredential {
  apiKey?: string | undefined;
  login?: Record<string, unknown> | undefined;
  /** Every secret in it, redacted from every message and log line. */
  secrets: (string | undefined)[];
}

/**
 * What both client factories share: the transport built from checked options and the credential
 * mapped onto the spec's security schemes; typed calls; and lists, whose per-call options are
 * separated from their query by the `RequestOptions` type itself.
 */
export function createProviderClient<Paths extends object>(
  provider: ProviderDefinition,
  options: TransportOptions,
  credential: ClientCredential,
) {
  const resolved = resolveTransportOptions(options, provider.defaultBaseUrl);
  const transport: Transport<Paths> = createTransport<Paths>(resolved, {
    meta: provider.meta,
    readErrorBody: provider.readErrorBody,
    secrets: credential.secrets,
    credentials: schemeCredentials(provider.meta.securitySchemes, credential),
    ...(provider.paramNames ? { paramNames: provider.paramNames } : {}),
  });

  /**
   * A list operation's Paginator. Its params are copied when `list()` is called; on the first
   * iteration the page machinery, the provider's shape of the params (`loadShape`) and the spec's
   * constraints load, and the params are checked before the first request.
   */
  function list<Item, P extends Page<Item>>(
    path: string,
    pathParams: Record<string, unknown>,
    params: object | undefined,
    loadShape: () => Promise<ListShape>,
  ): Paginator<Item, P> {
    const given = params ?? {};
    if (typeof given !== "object" || given === null) throw new TypeError("list: params must be an object");
    const load = async () => {
      const [machinery, shape, queries] = await Promise.all([
        loadListMachinery(),
        loadShape(),
        provider.meta.loadQuery(),
      ]);
      return { ...machinery, shape, constraints: queries[path]?.get };
    };
    // The style of P is the spec's (`x-bsp-pagination`): each factory names the one its list has.
    const paginator = listPaginator<Item>({ transport, path, pathParams, params: snapshotParams(given), load });
    return paginator as unknown as Paginator<Item, P>;
  }

  return { transport, call: typedCall<Paths>(transport), list };
}

/** Which scheme carries which credential is the spec's: the API-key scheme gets the key, the scheme with a token operation the login. */
function schemeCredentials(
  schemes: { readonly [name: string]: SecuritySchemeMeta },
  credential: ClientCredential,
): SchemeCredentials {
  const credentials: SchemeCredentials = {};
  for (const [name, scheme] of Object.entries(schemes)) {
    if (scheme.type === "apiKey" && credential.apiKey !== undefined) credentials[name] = { apiKey: credential.apiKey };
    if (scheme.token && credential.login) credentials[name] = { login: credential.login };
  }
  return credentials;
}
