import type { Call, CallRunner, SchemeCredentials } from "../contract/call.ts";
import type { Clock } from "../contract/clock.ts";
import type { OperationMeta, ProviderMeta, SecuritySchemeMeta } from "../contract/operation-meta.ts";
import type { Bearer, Credential } from "../features/token-auth.ts";
import { credentialHeaders } from "../wire/credential-headers.ts";
import type { Features } from "./load-features.ts";

export type { Credential };

/** Authentication of one client's calls (see `createAuth`). */
export interface Authenticator {
  /** Header names the client sets itself, refused in per-call headers and hooks. */
  readonly credentialHeaders: ReadonlySet<string>;
  /**
   * The call's credential header: at once for an API key, a promise while a token is obtained
   * (abortable). Callers await only a promise, which keeps the API-key path free of microtasks.
   */
  authenticate(call: Call): Credential | Promise<Credential>;
  /** After a 401 to a bearer token: forget the token; true when a replay with a new one may succeed. */
  replayable(call: Call, credential: Credential): Promise<boolean>;
}

/**
 * Authentication as the spec describes it: each operation's accepted schemes (`security`, empty for
 * the token operation), each scheme's header and prefix, and where a bearer token comes from
 * (`x-bsp-token`). Token auth is loaded on first use.
 */
export function createAuth(client: {
  meta: ProviderMeta;
  credentials: SchemeCredentials;
  runner: () => CallRunner;
  clock: Clock;
  features: Features;
}): Authenticator {
  const { meta, credentials } = client;
  for (const [name, credential] of Object.entries(credentials)) {
    const scheme = meta.securitySchemes[name];
    if (!scheme) throw new TypeError(`Unknown security scheme ${name}`);
    if ("login" in credential && !scheme.token) {
      throw new TypeError(`The ${name} scheme has no token operation (x-bsp-token) in the spec`);
    }
  }
  const bearers = new Map<string, Promise<Bearer>>();

  /** A scheme's bearer tokens, loaded with the first call that needs one. */
  function bearerFor(name: string): Promise<Bearer> {
    let bearer = bearers.get(name);
    if (!bearer) {
      const source = meta.securitySchemes[name]?.token as NonNullable<SecuritySchemeMeta["token"]>;
      const login = (credentials[name] as { login: Record<string, unknown> }).login;
      bearer = Promise.all([client.features.tokenAuth(), client.features.redactor()]).then(
        ([{ createBearer }, redactor]) =>
          createBearer({ source, login, runner: client.runner(), redactor, clock: client.clock }),
      );
      bearers.set(name, bearer);
    }
    return bearer;
  }

  /** The scheme an operation is sent with: the first it accepts that the client has a credential for. */
  function schemeFor(op: OperationMeta | undefined): string | undefined {
    const accepted = op?.security ?? Object.keys(credentials);
    return accepted.find((name) => credentials[name] !== undefined);
  }

  return {
    credentialHeaders: credentialHeaders(meta.securitySchemes),
    authenticate(call) {
      if (call.anonymous || call.meta?.security.length === 0) return undefined;
      const name = schemeFor(call.meta);
      if (name === undefined) {
        throw new TypeError(
          `${call.method} ${call.path} needs one of ${call.meta?.security.join(", ")}; none is configured`,
        );
      }
      const scheme = meta.securitySchemes[name];
      const credential = credentials[name];
      if (credential && "apiKey" in credential) {
        return { header: scheme?.name ?? "Authorization", value: `${scheme?.prefix ?? ""}${credential.apiKey}` };
      }
      return bearerFor(name).then((bearer) => bearer.credential(call.options.signal));
    },
    async replayable(call, credential) {
      if (!credential || "failure" in credential || credential.token === undefined) return false;
      return (await bearerFor(schemeFor(call.meta) ?? "")).replayable(credential.token);
    },
  };
}
