import type { Clock } from "./clock.ts";
import type { OperationMeta, ProviderMeta, SecuritySchemeMeta } from "./operation-meta.ts";
import type { Redactor } from "./redactor.ts";
import type { TokenAuth } from "./token-auth.ts";
import type { CallContext, Engine, SchemeCredentials, Settled } from "./transport.ts";

/** The credential header of one call, or the failed token step that stops it. */
export type Auth = { header: string; value: string; token?: string } | { failure: Settled } | undefined;

/**
 * Authentication as the spec describes it: each operation's accepted schemes (`security`, empty for
 * the token operation), each scheme's header and prefix, and where a bearer token comes from
 * (`x-bsp-token`). Token auth is loaded on first use.
 */
export function createAuth(
  meta: ProviderMeta,
  credentials: SchemeCredentials,
  engine: () => Engine,
  redactor: Redactor,
  clock: Clock,
) {
  const credentialHeaders = new Set<string>();
  for (const scheme of Object.values(meta.securitySchemes)) {
    if (scheme.type === "apiKey" && scheme.in === "header" && scheme.name) {
      credentialHeaders.add(scheme.name.toLowerCase());
    }
    if (scheme.type === "http") credentialHeaders.add("authorization");
  }
  for (const [name, credential] of Object.entries(credentials)) {
    const scheme = meta.securitySchemes[name];
    if (!scheme) throw new TypeError(`Unknown security scheme ${name}`);
    if ("login" in credential && !scheme.token) {
      throw new TypeError(`The ${name} scheme has no token operation (x-bsp-token) in the spec`);
    }
  }
  const tokenAuths = new Map<string, Promise<TokenAuth>>();

  function tokenAuthFor(name: string): Promise<TokenAuth> {
    let auth = tokenAuths.get(name);
    if (!auth) {
      const source = meta.securitySchemes[name]?.token as NonNullable<SecuritySchemeMeta["token"]>;
      const login = (credentials[name] as { login: Record<string, unknown> }).login;
      auth = import("./token-auth.ts").then(({ createTokenAuth }) =>
        createTokenAuth(source, login, engine(), redactor, clock),
      );
      tokenAuths.set(name, auth);
    }
    return auth;
  }

  /** The scheme an operation is sent with: the first it accepts that the client has a credential for. */
  function schemeFor(op: OperationMeta | undefined): string | undefined {
    const accepted = op?.security ?? Object.keys(credentials);
    return accepted.find((name) => credentials[name] !== undefined);
  }

  async function bearer(name: string, scheme: SecuritySchemeMeta | undefined, ctx: CallContext): Promise<Auth> {
    const result = await (await tokenAuthFor(name)).token(ctx.options.signal);
    if (!result.ok) {
      return {
        failure: {
          outcome: result.failure.outcome,
          attempts: result.failure.attempts,
          step: "token",
          stepOperation: `${scheme?.token?.method.toUpperCase()} ${scheme?.token?.path}`,
        },
      };
    }
    return { header: "Authorization", value: `Bearer ${result.token}`, token: result.token };
  }

  return {
    /** Header names the client sets itself, refused in per-call `headers`. */
    credentialHeaders,

    /**
     * The call's credential header: at once for an API key, a promise while a token is obtained
     * (abortable). Callers await only a promise, which keeps the API-key path free of microtasks.
     */
    authenticate(ctx: CallContext): Auth | Promise<Auth> {
      if (ctx.anonymous || ctx.meta?.security.length === 0) return undefined;
      const name = schemeFor(ctx.meta);
      if (name === undefined) {
        throw new TypeError(
          `${ctx.method} ${ctx.path} needs one of ${ctx.meta?.security.join(", ")}; none is configured`,
        );
      }
      const scheme = meta.securitySchemes[name];
      const credential = credentials[name];
      if (credential && "apiKey" in credential) {
        return { header: scheme?.name ?? "Authorization", value: `${scheme?.prefix ?? ""}${credential.apiKey}` };
      }
      return bearer(name, scheme, ctx);
    },

    /** After a 401 to a bearer token: forget the token; true when a replay with a new one may succeed. */
    async replayable(ctx: CallContext, auth: Auth): Promise<boolean> {
      if (!auth || "failure" in auth || auth.token === undefined) return false;
      return (await tokenAuthFor(schemeFor(ctx.meta) ?? "")).invalidate(auth.token);
    },
  };
}
