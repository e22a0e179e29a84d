import type { components } from "../../generated/360dialog.ts";
import type { AnyBspError } from "../core/error-types.ts";
import type { Redactor } from "../core/redactor.ts";
import type { Result } from "../core/result.ts";

/** A partner user's login (e-mail and password), exchanged at POST /api/v2/token for a bearer token. */
export type PartnerCredentials = components["schemas"]["TokenIn"];

type TokenResponse = components["schemas"]["TokenOut"];
type TokenOutcome = { token: string; error?: never } | { token?: never; error: AnyBspError; response?: Response };
type RequestToken = (credentials: PartnerCredentials) => Promise<Result<TokenResponse, AnyBspError>>;

/** Refresh this long before a token expires, so a request never leaves with a token about to lapse. */
const REFRESH_MARGIN_MS = 60_000;

/**
 * Bearer tokens from POST /api/v2/token: one token request at a time however many calls wait for it,
 * cached until shortly before it expires (`expires_in`, else the JWT's `exp`), dropped on a 401.
 */
export class TokenAuth {
  readonly #credentials: PartnerCredentials;
  readonly #requestToken: RequestToken;
  readonly #redactor: Redactor;
  readonly #now: () => number;
  #token: { value: string; refreshAt: number } | undefined;
  #pending: Promise<TokenOutcome> | undefined;

  constructor(
    credentials: PartnerCredentials,
    requestToken: RequestToken,
    redactor: Redactor,
    now: () => number = Date.now,
  ) {
    this.#credentials = credentials;
    this.#requestToken = requestToken;
    this.#redactor = redactor;
    this.#now = now;
  }

  async headers(): Promise<Record<string, string> | Result<never, AnyBspError>> {
    const outcome = await this.token();
    if (outcome.error) return { error: outcome.error, ...(outcome.response ? { response: outcome.response } : {}) };
    return { Authorization: `Bearer ${outcome.token}` };
  }

  token(): Promise<TokenOutcome> {
    if (this.#token && this.#now() < this.#token.refreshAt) return Promise.resolve({ token: this.#token.value });
    this.#pending ??= this.#fetch().finally(() => {
      this.#pending = undefined;
    });
    return this.#pending;
  }

  /** Forgets the token a 401 was answered to; returns true when a replay may succeed. */
  invalidate(used: Record<string, string>): boolean {
    if (used.Authorization && this.#token && used.Authorization === `Bearer ${this.#token.value}`)
      this.#token = undefined;
    return Boolean(used.Authorization);
  }

  async #fetch(): Promise<TokenOutcome> {
    const result = await this.#requestToken(this.#credentials);
    if (result.error) {
      result.error.message = `Authentication with username and password failed: ${result.error.message}`;
      return result;
    }
    const token = result.data?.access_token;
    if (typeof token !== "string" || token.length === 0) {
      return {
        error: {
          kind: "unexpected",
          status: result.response.status,
          body: undefined,
          rawBody: "",
          attempts: 1,
          message: "POST /api/v2/token answered without an access_token",
        },
        response: result.response,
      };
    }
    this.#redactor.add(token);
    const now = this.#now();
    const lifetimeMs =
      typeof result.data.expires_in === "number" ? result.data.expires_in * 1000 : jwtLifetimeMs(token, now);
    const refreshAt =
      lifetimeMs === undefined
        ? Number.POSITIVE_INFINITY
        : now + Math.max(lifetimeMs - Math.min(REFRESH_MARGIN_MS, lifetimeMs / 10), 0);
    this.#token = { value: token, refreshAt };
    return { token };
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
