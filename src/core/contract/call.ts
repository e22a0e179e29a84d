import type { Client } from "openapi-fetch";
import type { ResolvedTransportOptions } from "./client-options.ts";
import type { ErrorBodyReader } from "./error-body.ts";
import type { AnyBspError } from "./error-types.ts";
import type { HttpMethod, OperationMeta, ProviderMeta } from "./operation-meta.ts";
import type { Outcome } from "./outcome.ts";
import type { Redaction } from "./redaction.ts";
import type { RequestOptions, ResolvedRequestOptions } from "./request-options.ts";
import type { Result } from "./result.ts";

// The vocabulary of one call (src/core/README.md): a *call* is one method invocation; it makes one or
// more *attempts* (retries, a 401 replay), each of which sends one or more *requests* (redirect hops);
// an attempt comes to an *outcome*; the call ends *settled* with its last outcome; the error factory
// turns that into the *result*.

/** The request as this client sends it: built once per call, sent as often as its attempts need. */
export interface WireRequest {
  readonly url: string;
  readonly method: string;
  readonly headers: Headers;
  /** The serialised body (a string for JSON), replayable on every attempt without buffering a stream. */
  readonly body: BodyInit | null | undefined;
}

/** Path and query parameters and the body of one typed call. */
export interface CallInit {
  path?: Record<string, unknown>;
  query?: Record<string, unknown>;
  body?: unknown;
}

/** One call as its lifecycle sees it: the operation, its path parameters and its resolved options. */
export interface Call {
  /** The path template (`/api/v2/partners/{partner_id}/channels`). */
  path: string;
  /** Upper-case HTTP method. */
  method: string;
  meta: OperationMeta | undefined;
  pathParams: Record<string, unknown> | undefined;
  options: ResolvedRequestOptions;
  /** Sent without authentication (the token request). */
  anonymous?: boolean;
}

/** What a call came to, before the error factory turns it into a result. */
export interface SettledCall {
  outcome: Outcome;
  /** Requests sent for the call, retries and replays included. */
  attempts: number;
  /** The outcome is the token request's, made on behalf of this call. */
  step?: "token";
  /** `METHOD /path` of the step's own request. */
  stepOperation?: string;
  /** The call stopped because pacing would hold its next retry this long, past `maxWait` or the deadline. */
  pacingWaitMs?: number;
}

/** What the error factory needs to know about a settled call besides its outcome. */
export interface ErrorContext {
  /** Upper-case HTTP method of the call. */
  method: string;
  /** The path template (`/api/v2/partners/{partner_id}/channels`); logs carry this one. */
  path: string;
  /**
   * The path parameters: messages show the path as sent, IDs filled in (`/api/v2/partners/pa-1/channels`).
   * IDs are not secrets; the query (filters may hold e-mail addresses or phone numbers) stays out.
   */
  pathParams?: Record<string, unknown> | undefined;
  /**
   * The client's base URL: messages show the full URL as sent, host included, without its query, so
   * a base URL that doubles the path (`…/api/v2` + `/api/v2/…`) or names the wrong host shows.
   */
  baseUrl?: string;
  meta: OperationMeta | undefined;
  /** Requests sent for this call. */
  attempts: number;
  redactor: Redaction;
  readBody: ErrorBodyReader;
  /** The clock's time when the outcome is described (Retry-After dates are read against it). */
  now: number;
  /** The outcome is the token request's, made on behalf of this call. */
  step?: "token";
  /** `METHOD /path` of the step's own request. */
  stepOperation?: string;
  /** The call stopped because pacing would hold its next retry this long (see SettledCall). */
  pacingWaitMs?: number;
}

/** The credential configured for each security scheme: an API key, or a login exchanged for a token. */
export type SchemeCredentials = Record<string, { apiKey: string } | { login: Record<string, unknown> }>;

/** A provider as the core needs it: its spec facts, how to read its error bodies, its credentials. */
export interface ProviderBinding {
  meta: ProviderMeta;
  readErrorBody: ErrorBodyReader;
  /** The credentials' secrets, redacted from every message and log line (the redactor loads with the first one). */
  secrets: readonly (string | undefined)[];
  credentials: SchemeCredentials;
  /** Labels for path parameters in error messages (`channelId` rather than `channel_id`). */
  paramNames?: Record<string, string>;
}

/** What the lazily loaded features (token auth, the escape hatch) need of a client's calls. */
export interface CallRunner {
  readonly meta: ProviderMeta;
  readonly options: ResolvedTransportOptions;
  /** Runs a built request through the lifecycle: authenticate, pace, send, read, decide, retry, replay. */
  run(call: Call, request: WireRequest): Promise<SettledCall>;
  /** Builds the call's request with openapi-fetch's serialisers, then runs it. */
  send(call: Call, init: CallInit): Promise<SettledCall>;
  /** The client's redactor (loaded with the first message or log line that needs it). */
  redactor(): Promise<Redaction>;
  /** The facts the error factory needs about a settled call. */
  errorContext(settled: SettledCall, call: Call, redactor: Redaction): ErrorContext;
}

/** A client's calls as resources and paginators use them, and the typed openapi-fetch client beside them. */
export interface Transport<Paths extends object = object> {
  /** One call by path template and method: checked, sent through the whole lifecycle, turned into a result. */
  call(
    path: string,
    method: HttpMethod,
    init: CallInit,
    options?: RequestOptions,
  ): Promise<Result<unknown, AnyBspError>>;
  readonly meta: ProviderMeta;
  /** The openapi-fetch client, typed by `paths`, with the same auth, pacing, timeouts, caps and retries. */
  readonly api: Client<Paths>;
  /** A secret learned after construction (a webhook signing key a call sends): redacted like the credentials. */
  addSecret(secret: string | undefined): void;
}
