import type { Call, CallRunner, SettledCall } from "../contract/call.ts";
import type { Clock } from "../contract/clock.ts";
import type { HttpMethod, SecuritySchemeMeta } from "../contract/operation-meta.ts";
import type { Outcome } from "../contract/outcome.ts";
import type { Redaction } from "../contract/redaction.ts";
import { defaultRequestOptions } from "../options/call-defaults.ts";
import { jsonOf } from "../results/read-outcome.ts";
import { abortable } from "../wire/abortable.ts";

/** Refresh this long before a token expires, so a request never leaves with a token about to lapse. */
const REFRESH_MARGIN_MS = 60_000;
/** After a failed token request, waiters get the same failure for this long instead of a new request. */
export const TOKEN_FAILURE_BACKOFF_MS = 1_000;

/** What a token request came to: the token's fields, or the outcome that failed. */
export type TokenExchange =
  | { ok: true; data: Record<string, unknown>; attempts: number }
  | { ok: false; outcome: Outcome; attempts: number };

/** Where a scheme's token comes from and how its answer names the token (from the spec). */
export interface TokenSource {
  tokenField: string;
  expiresInField?: string | undefined;
  /** Sends the token request (without authentication); never rejects except for a caller's abort. */
  exchange(): Promise<TokenExchange>;
}

export type TokenResult = { ok: true; token: string } | { ok: false; failure: TokenExchange & { ok: false } };

/**
 * Bearer tokens: one token request in flight however many calls wait for it; a failure is shared by
 * its waiters and by calls in the next second (so a broken login is not hammered); the token is cached
 * until shortly before it expires (`expires_in`, else the JWT's `exp`) and dropped on a 401. A caller
 * waiting for the token can abort without cancelling the request others wait for.
 */
export class TokenAuth {
  readonly #source: TokenSource;
  readonly #redactor: Redaction;
  readonly #clock: Clock;
  #token: { value: string; refreshAt: number } | undefined;
  #failure: { result: TokenResult & { ok: false }; until: number } | undefined;
  #pending: Promise<TokenResult> | undefined;

  constructor(source: TokenSource, redactor: Redaction, clock: Clock) {
    this.#source = source;
    this.#redactor = redactor;
    this.#clock = clock;
  }

  /** The current token, fetching one if needed; rejects only with the caller's abort reason. */
  token(signal?: AbortSignal): Promise<TokenResult> {
    const now = this.#clock.now();
    if (this.#token && now < this.#token.refreshAt) return Promise.resolve({ ok: true, token: this.#token.value });
    if (this.#failure && now < this.#failure.until) return Promise.resolve(this.#failure.result);
    this.#pending ??= this.#fetch().finally(() => {
      this.#pending = undefined;
    });
    return abortable(this.#pending, signal);
  }

  /** Forgets the token a 401 was answered to; returns true when a replay with a new token may succeed. */
  invalidate(used: string | undefined): boolean {
    if (used !== undefined && this.#token?.value === used) this.#token = undefined;
    return used !== undefined;
  }

  async #fetch(): Promise<TokenResult> {
    const exchange = await this.#source.exchange();
    const now = this.#clock.now();
    if (!exchange.ok) return this.#fail(exchange, now);
    const token = exchange.data[this.#source.tokenField];
    if (typeof token !== "string" || token.length === 0) {
      return this.#fail(
        {
          ok: false,
          attempts: exchange.attempts,
          outcome: {
            type: "failure",
            error: undefined,
            timedOut: false,
            timeoutMs: 0,
            reason: `the token answer has no ${this.#source.tokenField}`,
          },
        },
        now,
      );
    }
    this.#redactor.add(token);
    this.#failure = undefined;
    const expiresIn = this.#source.expiresInField ? exchange.data[this.#source.expiresInField] : undefined;
    const lifetimeMs = typeof expiresIn === "number" ? expiresIn * 1000 : jwtLifetimeMs(token, now);
    const refreshAt =
      lifetimeMs === undefined
        ? Number.POSITIVE_INFINITY
        : now + Math.max(lifetimeMs - Math.min(REFRESH_MARGIN_MS, lifetimeMs / 10), 0);
    this.#token = { value: token, refreshAt };
    return { ok: true, token };
  }

  #fail(failure: TokenExchange & { ok: false }, now: number): TokenResult {
    const result = { ok: false as const, failure };
    this.#failure = { result, until: now + TOKEN_FAILURE_BACKOFF_MS };
    return result;
  }

  toJSON() {
    return "TokenAuth([REDACTED])";
  }
  [Symbol.for("nodejs.util.inspect.custom")]() {
    return this.toJSON();
  }
}

function jwtLifetimeMs(token: string, now: number): number | undefined {
  const payload = token.split(".")[1];
  if (!payload) return undefined;
  try {
    const json = JSON.parse(atob(payload.replace(/-/g, "+").replace(/_/g, "/")));
    return typeof json.exp === "number" ? json.exp * 1000 - now : undefined;
  } catch {
    return undefined;
  }
}

/** A scheme with a token operation (`x-bsp-token`), the login it takes, and what exchanging it needs. */
export interface TokenLogin {
  source: NonNullable<SecuritySchemeMeta["token"]>;
  login: Record<string, unknown>;
  runner: CallRunner;
  redactor: Redaction;
  clock: Clock;
}

/**
 * The TokenAuth of a scheme with a token operation: the login is sent to that operation,
 * unauthenticated, through the transport's own lifecycle (timeouts, retries, size cap).
 */
function createTokenAuth({ source, login, runner, redactor, clock }: TokenLogin): TokenAuth {
  const method = source.method as HttpMethod;
  const exchange = async (): Promise<TokenExchange> => {
    const call: Call = {
      path: source.path,
      method: method.toUpperCase(),
      meta: runner.meta.operations[source.path]?.[method],
      pathParams: undefined,
      options: defaultRequestOptions(runner.options),
      anonymous: true,
    };
    const { outcome, attempts } = await runner.send(call, { body: login });
    if (outcome.type === "response" && outcome.response.ok) {
      const json = jsonOf(outcome);
      if (json.ok && typeof json.value === "object" && json.value !== null && !Array.isArray(json.value)) {
        return { ok: true, data: json.value as Record<string, unknown>, attempts };
      }
    }
    return { ok: false, outcome, attempts };
  };
  return new TokenAuth(
    { tokenField: source.tokenField, expiresInField: source.expiresInField, exchange },
    redactor,
    clock,
  );
}

/** A scheme's bearer tokens as the call lifecycle uses them: a credential per call, and the 401 rule. */
export interface Bearer {
  /** The call's `Authorization` header, or the failed token step that stops it. */
  credential(signal: AbortSignal | undefined): Promise<Credential>;
  /** After a 401 to `token`: forget it; true when a replay with a new one may succeed. */
  replayable(token: string): boolean;
}

/** The credential of one call: a header, or the failed token step (`step: "token"`) that stops it. */
export type Credential = { header: string; value: string; token?: string } | { failure: SettledCall } | undefined;

/** Bearer tokens for a scheme with a token operation, obtained by sending the login through the lifecycle. */
export function createBearer(token: TokenLogin): Bearer {
  const auth = createTokenAuth(token);
  const { source } = token;
  const stepOperation = `${source.method.toUpperCase()} ${source.path}`;
  return {
    async credential(signal) {
      const result = await auth.token(signal);
      if (!result.ok) {
        const { outcome, attempts } = result.failure;
        return { failure: { outcome, attempts, step: "token", stepOperation } };
      }
      return { header: "Authorization", value: `Bearer ${result.token}`, token: result.token };
    },
    replayable: (token) => auth.invalidate(token),
  };
}
