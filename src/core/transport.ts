import createClient, { type Client } from "openapi-fetch";
import { createAuth } from "./auth.ts";
import type { ErrorBodyReader, OutcomeContext } from "./create-error.ts";
import type { AnyBspError } from "./error-types.ts";
import type { HttpMethod, OperationMeta, ProviderMeta } from "./operation-meta.ts";
import { type Outcome, successValue } from "./outcome.ts";
import type { AttemptSlots, Pace } from "./pacer.ts";
import { validatePathParams } from "./path-params.ts";
import type { Redactor } from "./redactor.ts";
import type { RequestOptions, ResolvedRequestOptions } from "./request-options.ts";
import type { Result } from "./result.ts";
import { sendAttempt, type WireRequest } from "./send-attempt.ts";
import type { RequestLogLine, ResolvedTransportOptions } from "./transport-options.ts";

/** The credential configured for each security scheme: an API key, or a login exchanged for a token. */
export type SchemeCredentials = Record<string, { apiKey: string } | { login: Record<string, unknown> }>;

/** What the modules loaded on first use (escape hatch, token auth) need of a transport. */
export interface Engine {
  meta: ProviderMeta;
  options: ResolvedTransportOptions;
  run(ctx: CallContext, request: WireRequest): Promise<Settled>;
  contextOf(settled: Settled, ctx: CallContext): OutcomeContext;
  buildAndRun(
    ctx: CallContext,
    params: Record<string, unknown>,
    body: unknown,
    query?: Record<string, unknown>,
  ): Promise<Settled>;
}

export interface ProviderBinding {
  meta: ProviderMeta;
  readErrorBody: ErrorBodyReader;
  redactor: Redactor;
  credentials: SchemeCredentials;
  /** Labels for path parameters in error messages (`channelId` rather than `channel_id`). */
  paramNames?: Record<string, string>;
}

/** Path and query parameters and the body of one typed call. */
export interface CallInit {
  path?: Record<string, unknown>;
  query?: Record<string, unknown>;
  body?: unknown;
}

/** What resources and paginators use of a transport: calls by path template, and the spec's facts. */
export interface CallTransport {
  call(
    path: string,
    method: HttpMethod,
    init: CallInit,
    options?: RequestOptions,
  ): Promise<Result<unknown, AnyBspError>>;
  readonly meta: ProviderMeta;
}

export interface Transport<Paths extends object> extends CallTransport {
  /** The openapi-fetch client, typed by `paths`, with the same auth, pacing, timeouts, caps and retries. */
  readonly api: Client<Paths>;
}

/**
 * openapi-fetch builds each request with this in place of `Request`: the transport reads its fields and
 * `fetch` builds the one real request per attempt (no Request wrapped per attempt or redirect hop).
 */
class OutgoingRequest implements WireRequest {
  readonly url: string;
  readonly method: string;
  readonly headers: Headers;
  readonly body: BodyInit | null | undefined;
  constructor(url: string, init: { method?: string; headers: Headers; body?: BodyInit | null }) {
    this.url = url;
    this.method = init.method ?? "GET";
    this.headers = init.headers;
    this.body = init.body;
  }
}

/** What openapi-fetch gets back from a typed call: the transport keeps the real result itself. */
let handledResponse: Response | undefined;

/** The part of openapi-fetch's client the generic call site uses (its types are per path). */
interface RequestBuilder {
  request(
    method: string,
    path: string,
    init: {
      params: { path?: Record<string, unknown>; query?: Record<string, unknown> };
      body?: unknown;
      headers?: Record<string, string>;
      parseAs: "stream";
      Request: unknown;
      fetch: (request: OutgoingRequest) => Promise<Response>;
    },
  ): Promise<unknown>;
}

/** One call as the lifecycle sees it. */
export interface CallContext {
  path: string;
  method: string;
  meta: OperationMeta | undefined;
  pathParams: Record<string, unknown> | undefined;
  options: ResolvedRequestOptions;
  /** Send without authentication (the token request). */
  anonymous?: boolean;
}

/** What a call came to, before the factory turns it into a result. */
export interface Settled {
  outcome: Outcome;
  attempts: number;
  step?: "token";
  stepOperation?: string;
}

/**
 * One path per call. openapi-fetch serialises the request once; then, in order: authentication (token
 * waits abortable, a failed login shared), pacing per attempt (slots given back when nothing was sent),
 * attempt 1 with the platform fetch, the body read once under the attempt timeout, the total deadline,
 * the caller's signal and the size cap; a retryable outcome hands the retries to ky (imported then); a
 * 401 with a bearer token refreshes it and replays once; and one pure factory turns the final outcome
 * into the result.
 */
export function createTransport<Paths extends object>(
  options: ResolvedTransportOptions,
  provider: ProviderBinding,
): Transport<Paths> {
  const { meta, redactor } = provider;
  const clock = options.clock;
  const auth = createAuth(meta, provider.credentials, () => engine, redactor, clock);
  // Pacing loads with the first call of a rate-limited operation. A call about to wait is logged
  // before the wait, so a long wait is never silent.
  let pacing: Promise<ReturnType<typeof import("./pacer.ts")["createPacer"]>> | undefined;
  function pacerFor(ctx: CallContext) {
    if (!ctx.meta?.rateLimit || !options.rateLimit) return undefined;
    pacing ??= import("./pacer.ts").then(({ createPacer }) => createPacer(options.rateLimit, clock, log));
    return pacing;
  }
  const api = createClient<Paths>({ baseUrl: options.baseUrl, fetch: apiFetch });
  const builder = api as unknown as RequestBuilder;

  function log(line: RequestLogLine) {
    if (!options.logger) return;
    try {
      const pending = options.logger(line);
      // A rejecting async logger must not become an unhandled rejection, nor fail the call.
      if (pending && typeof (pending as Promise<void>).then === "function") (pending as Promise<void>).catch(() => {});
    } catch {
      // A failing logger must not fail the call.
    }
  }

  /**
   * One attempt: a paced slot (or the slot a replayed 401 kept), the request with its credential, the
   * body read under every limit. The slot is held until the request ends and then counted from there.
   */
  async function attemptOnce(
    ctx: CallContext,
    wire: WireRequest,
    deadlineAt: number,
    sent: CallProgress,
  ): Promise<Outcome> {
    const started = performance.now();
    // No await unless the operation is paced: an unpaced call costs no extra turn of the event loop.
    const pacing = pacerFor(ctx);
    const pacer = pacing ? await pacing : undefined;
    const reuse = sent.last?.keptFor401;
    sent.last = undefined;
    const pace = pacer ? await pacer.acquire(ctx, deadlineAt, reuse) : UNPACED;
    if (pace.limited) return pace.limited;
    const slots = pace.slots;
    if (slots) slots.keepOn401 = sent.mayReplay;
    const remaining = deadlineAt - clock.now();
    let outcome: Outcome;
    if (remaining <= 0) {
      // The deadline passed while waiting: nothing is sent, and the slot is given back.
      slots?.ended(false);
      await slots?.settled();
      outcome = { type: "failure", error: undefined, timedOut: true, timeoutMs: options.totalTimeout };
    } else {
      sent.attempts += 1;
      // A caller's abort rejects from here; the slot counts from the moment the request was abandoned.
      const send = () =>
        sendAttempt(wire, {
          fetch: options.fetch,
          trustedFetch: options.platformFetch,
          timeoutMs: Math.min(ctx.options.timeout, remaining),
          signal: ctx.options.signal,
          maxBodyBytes: options.maxResponseBytes,
          clock,
          slots,
        });
      try {
        outcome =
          options.onRequest || options.onResponse
            ? await (await import("./hooks.ts")).withHooks(
                options,
                ctx,
                sent.attempts,
                wire.headers,
                auth,
                pace,
                redactor,
                send,
              )
            : await send();
      } finally {
        await slots?.settled();
      }
      sent.last = slots;
      await pacer?.observe(ctx, outcome);
    }
    if (options.logger) {
      const { logLine } = await import("./log-line.ts");
      const line = logLine(
        ctx,
        sent.attempts,
        performance.now() - started,
        outcome,
        pace.waitMs,
        provider.readErrorBody,
        redactor,
      );
      log(line);
    }
    return outcome;
  }

  /** Authentication, attempts, retries and the 401 replay of one call, down to its final outcome. */
  async function run(ctx: CallContext, request: WireRequest): Promise<Settled> {
    const deadlineAt = clock.now() + options.totalTimeout;
    const sent: CallProgress = { attempts: 0, mayReplay: false, last: undefined };
    let replayed = false;
    let last: Outcome | undefined;
    for (;;) {
      const pending = auth.authenticate(ctx);
      const credential = pending instanceof Promise ? await pending : pending;
      if (credential && "failure" in credential) {
        await sent.last?.settleKept();
        return credential.failure;
      }
      // A 401 to a bearer token may be replayed once with a fresh one: its slot is kept for the replay.
      sent.mayReplay = !replayed && credential?.token !== undefined;
      // The request's headers are this call's own (openapi-fetch builds them per call): set in place.
      if (ctx.options.headers) {
        for (const [name, value] of Object.entries(ctx.options.headers)) request.headers.set(name, value);
      }
      if (credential) request.headers.set(credential.header, credential.value);
      const wire = request;
      // Once a request went out, pacing that would wait too long ends the call with the last attempt's
      // outcome: `rate_limited` is for calls that sent nothing.
      let stopped = false;
      const attempt = async () => {
        const outcome = await attemptOnce(ctx, wire, deadlineAt, sent);
        if (outcome.type === "rate_limited" && last) {
          stopped = true;
          return last;
        }
        last = outcome;
        return outcome;
      };
      let outcome = await attempt();
      const limit = ctx.options.retry.limit;
      if (!stopped && limit > 0 && mightRetry(outcome)) {
        const [{ decideRetry }, { retryWithKy }] = await Promise.all([
          import("./retry-policy.ts"),
          import("./retry-with-ky.ts"),
        ]);
        const decide = (o: Outcome, retryCount: number) =>
          stopped
            ? ({ retry: false } as const)
            : decideRetry(o, ctx.method, retryCount, ctx.options.retry, clock.now(), deadlineAt);
        if (decide(outcome, 1).retry) {
          outcome = await retryWithKy({
            url: wire.url,
            first: outcome,
            limit,
            signal: ctx.options.signal,
            decide,
            attempt,
          });
        }
      }
      if (
        !stopped &&
        !replayed &&
        outcome.type === "response" &&
        outcome.response.status === 401 &&
        (await auth.replayable(ctx, credential))
      ) {
        replayed = true;
        continue;
      }
      await sent.last?.settleKept();
      return { outcome, attempts: sent.attempts };
    }
  }

  function contextOf(settled: Settled, ctx: CallContext): OutcomeContext {
    return {
      method: ctx.method,
      path: ctx.path,
      pathParams: ctx.pathParams,
      meta: ctx.meta,
      attempts: settled.attempts,
      redactor,
      readBody: provider.readErrorBody,
      now: clock.now(),
      ...(settled.step ? { step: settled.step, stepOperation: settled.stepOperation } : {}),
    };
  }

  /** openapi-fetch serialises the request (its query and body serialisers), then the call runs. */
  async function buildAndRun(
    ctx: CallContext,
    params: CallInit["path"] & {},
    body: unknown,
    query?: Record<string, unknown>,
  ): Promise<Settled> {
    let settled: Settled | undefined;
    await builder.request(ctx.method, ctx.path, {
      params: { path: params, ...(query ? { query } : {}) },
      ...(body !== undefined ? { body } : {}),
      parseAs: "stream",
      Request: OutgoingRequest,
      fetch: async (request) => {
        settled = await run(ctx, request);
        handledResponse ??= new Response(null, { status: 204 });
        return handledResponse;
      },
    });
    return settled as Settled;
  }

  async function call(
    path: string,
    method: HttpMethod,
    init: CallInit,
    requestOptions?: RequestOptions,
  ): Promise<Result<unknown, AnyBspError>> {
    const op = meta.operations[path]?.[method];
    const operation = `${method.toUpperCase()} ${path}`;
    // Per-call options are checked by a module loaded the first time a call passes any.
    const checks = requestOptions === undefined ? undefined : await import("./request-options.ts");
    const resolved: ResolvedRequestOptions = checks
      ? checks.resolveRequestOptions(requestOptions, options, auth.credentialHeaders, operation)
      : { signal: undefined, timeout: options.timeout, retry: options.retry, headers: undefined };
    if (init.path) validatePathParams(init.path, provider.paramNames ?? {});
    if (init.query !== undefined && Object.keys(init.query).length > 0) {
      // The query constraints and their checker load with the first call that has a query.
      const [{ validateQuery }, queries] = await Promise.all([import("./validate-query.ts"), meta.loadQuery()]);
      validateQuery(init.query, queries[path]?.[method], operation);
    }
    const extraQuery = requestOptions?.extraQuery;
    const query = extraQuery ? { ...init.query, ...extraQuery } : init.query;
    const body = checks ? checks.withExtraBody(init.body, requestOptions?.extraBody, op, operation) : init.body;
    const ctx: CallContext = { path, method: method.toUpperCase(), meta: op, pathParams: init.path, options: resolved };
    resolved.signal?.throwIfAborted();
    const settled = await buildAndRun(ctx, init.path ?? {}, body, query);
    const result = await resultFor(settled, ctx, op);
    // Response validation, when on, loads with the first body it checks (a lazy chunk).
    if (options.validateResponses === "off" || settled.outcome.type !== "response" || settled.step) return result;
    drifts ??= import("./drift.ts").then((m) => m.createDriftMonitor(options, log, redactor, meta.loadResponses));
    return (await drifts).validated(result, settled.outcome, ctx, options.validateResponses, () =>
      contextOf(settled, ctx),
    );
  }

  let drifts: Promise<ReturnType<typeof import("./drift.ts")["createDriftMonitor"]>> | undefined;

  async function resultFor(settled: Settled, ctx: CallContext, op: OperationMeta | undefined) {
    const { outcome } = settled;
    if (outcome.type === "response" && outcome.response.ok && !settled.step) {
      const success = successValue(outcome, op);
      if (success) return { data: success.value, response: outcome.response };
    }
    const { resultOf } = await import("./create-error.ts");
    return resultOf(outcome, contextOf(settled, ctx));
  }

  /** The escape hatch's fetch: loaded on first use, it finds the operation from the URL and runs the call. */
  async function apiFetch(input: Request): Promise<Response> {
    const { fetchForApi } = await import("./api-fetch.ts");
    return fetchForApi(input, engine);
  }

  const engine: Engine = { meta, options, run, contextOf, buildAndRun };
  return { api, call, meta };
}

const UNPACED: Pace = { slots: undefined, waitMs: undefined };

/** What the attempts of one call share: how many were sent, and the slot a 401 kept for its replay. */
interface CallProgress {
  attempts: number;
  /** The next 401 may be replayed with a fresh token (its slot is then kept for the replay). */
  mayReplay: boolean;
  /** The slots of the last paced attempt: a 401's slot kept for the replay is reused or settled from there. */
  last: AttemptSlots | undefined;
}

/** Statuses and failures the retry policy may retry (it decides; this only avoids loading it for the rest). */
function mightRetry(outcome: Outcome): boolean {
  if (outcome.type === "failure") return outcome.reason === undefined;
  return (
    outcome.type === "response" &&
    (outcome.response.status === 408 || outcome.response.status === 429 || outcome.response.status >= 500)
  );
}
