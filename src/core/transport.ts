import ky, { isHTTPError, isNetworkError, isTimeoutError, type KyInstance } from "ky";
import createClient, { type Client, type Middleware } from "openapi-fetch";
import {
  type ErrorBodyReader,
  errorFromBadSuccessBody,
  errorFromException,
  errorFromResponse,
} from "./create-error.ts";
import type { AnyBspError } from "./error-types.ts";
import { validatePathParams } from "./path-params.ts";
import type { QueryMeta } from "./query-meta.ts";
import { type RateLimitRule, rateLimitKey, sleep } from "./rate-limiter.ts";
import type { Redactor } from "./redactor.ts";
import type { Result } from "./result.ts";
import { retryAfterMs } from "./retry-after.ts";
import { sameOriginRedirects } from "./same-origin-redirects.ts";
import type { ResolvedTransportOptions } from "./transport-options.ts";
import { validateQuery } from "./validate-query.ts";

/** Runtime facts per operation, generated from the bundle (`generated/<provider>-meta.ts`). */
export type OperationsMeta = Record<
  string,
  Partial<Record<string, { statuses: readonly number[]; rateLimit?: RateLimitRule; query?: QueryMeta }>>
>;

export interface SendSpec {
  method: "get" | "put" | "post" | "delete" | "patch";
  path: string;
  params?: { path?: Record<string, unknown>; query?: Record<string, unknown> };
  /** Labels for path parameters in error messages (`channelId` rather than `channel_id`). */
  paramNames?: Record<string, string>;
  body?: unknown;
  signal?: AbortSignal | undefined;
  /** Send without authentication (the token endpoint). */
  anonymous?: boolean;
}

export interface TransportHooks {
  /** Paths (templates' filled-in forms end with these) that are sent without authentication. */
  anonymousPaths?: readonly string[];
  /** Authentication headers for one call; may fetch or refresh a token. */
  authHeaders?: (signal?: AbortSignal) => Promise<Record<string, string> | Result<never>> | Record<string, string>;
  /** Called with the 401 of a call; return true to replay it once (after refreshing a credential). */
  onUnauthorized?: (usedHeaders: Record<string, string>) => boolean | Promise<boolean>;
}

export interface Transport {
  /** The openapi-fetch client, with the same fetch (ky: timeouts, retries) and authentication. */
  readonly api: Client<never>;
  send(spec: SendSpec): Promise<Result<unknown, AnyBspError>>;
}

const STATUS_RETRY = new Set([408, 429, 500, 502, 503, 504]);
const IDEMPOTENT = new Set(["GET", "HEAD", "PUT", "DELETE", "OPTIONS"]);

/**
 * The one way requests leave a client: openapi-fetch builds and serialises the request, ky sends it
 * with per-attempt and total timeouts and bounded retries, and the answer becomes a `Result` whose
 * error is a member of the operation's union.
 *
 * Retry rules: idempotent methods are retried on network errors, timeouts, 408, 429 and 5xx. A POST or
 * PATCH is retried only when it provably was not processed: a 429 (refused) or a connection refused
 * before anything was sent. `Retry-After` / `RateLimit-Reset` set the wait, up to `maxRetryAfter`;
 * beyond it the call returns the 429 at once.
 */
export function createTransport(
  options: ResolvedTransportOptions,
  provider: { operations: OperationsMeta; readErrorBody: ErrorBodyReader; redactor: Redactor; hooks?: TransportHooks },
): Transport {
  const { retry, timeout } = options;
  const baseFetch = sameOriginRedirects(options.fetch);
  const kyInstance: KyInstance = ky.create({
    timeout,
    totalTimeout: options.totalTimeout,
    // ky raises only the statuses worth a retry; the final one is turned back into a Response below,
    // so openapi-fetch and the error union see it like any other.
    throwHttpErrors: (status) => STATUS_RETRY.has(status),
    retry: {
      limit: retry.limit,
      methods: ["get", "put", "head", "delete", "options", "post", "patch"],
      statusCodes: [...STATUS_RETRY],
      afterStatusCodes: [429, 503],
      maxRetryAfter: retry.maxRetryAfter,
      retryOnTimeout: true,
      backoffLimit: retry.backoffLimit,
      jitter: true,
      shouldRetry: ({ error }) => {
        const request = (error as { request?: Request }).request;
        if (isHTTPError(error)) {
          const { status, headers } = error.response;
          // A POST or PATCH answered 429 was refused before processing; any other failure may not be.
          if (request && !IDEMPOTENT.has(request.method) && status !== 429) return false;
          const wait = status === 429 || status === 503 ? retryAfterMs(headers) : undefined;
          // Past the cap, give up at once with the 429 and its retryAfterMs rather than sleep for minutes.
          return wait !== undefined && wait > retry.maxRetryAfter ? false : undefined;
        }
        if (!request || IDEMPOTENT.has(request.method)) return undefined;
        // A POST that timed out or lost its connection may have been processed: never sent twice.
        return isNetworkError(error) && isConnectionRefused(error.cause);
      },
    },
  });
  /** ky with the final retriable failure handed back as a Response (its body already read by ky). */
  const viaKy = async (request: Request, fetchImpl: typeof fetch, signal?: AbortSignal) => {
    try {
      return await kyInstance(request, signal ? { fetch: fetchImpl, signal } : { fetch: fetchImpl });
    } catch (error) {
      if (!isHTTPError(error)) throw error;
      const { data, response } = error;
      const text = data === undefined ? "" : typeof data === "string" ? data : JSON.stringify(data);
      return new Response(text, {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
      });
    }
  };

  const authMiddleware: Middleware = {
    async onRequest({ request }) {
      const { pathname } = new URL(request.url);
      if (provider.hooks?.anonymousPaths?.some((p) => pathname.endsWith(p))) return request;
      const headers = await provider.hooks?.authHeaders?.(request.signal);
      if (!headers || "error" in headers) return request;
      for (const [name, value] of Object.entries(headers)) request.headers.set(name, value as string);
      return request;
    },
  };
  const api = createClient<never>({
    baseUrl: options.baseUrl,
    fetch: (request: Request) => viaKy(request, baseFetch),
  });
  api.use(authMiddleware);
  const sendClient = createClient<never>({ baseUrl: options.baseUrl });

  async function attempt(spec: SendSpec, auth: Record<string, string>): Promise<Result<unknown, AnyBspError>> {
    let attempts = 0;
    const method = spec.method.toUpperCase();
    const { logger } = options;
    const perAttempt: typeof fetch = async (input, init) => {
      attempts += 1;
      if (!logger) return baseFetch(input, init);
      const attempt = attempts;
      const started = performance.now();
      try {
        const response = await baseFetch(input, init);
        const traceId = response.ok ? undefined : await traceIdOf(response, provider.readErrorBody);
        log({
          method,
          path: spec.path,
          attempt,
          status: response.status,
          durationMs: performance.now() - started,
          ...(traceId ? { traceId } : {}),
        });
        return response;
      } catch (error) {
        const reason = errorFromException(error, timeout, {
          method,
          path: spec.path,
          attempts: attempt,
          redactor: provider.redactor,
          readBody: provider.readErrorBody,
        });
        log({ method, path: spec.path, attempt, durationMs: performance.now() - started, error: reason.message });
        throw error;
      }
    };
    const ctx = () => ({
      method,
      path: spec.path,
      attempts,
      redactor: provider.redactor,
      readBody: provider.readErrorBody,
    });
    let outcome: { response: Response; data?: unknown; error?: unknown };
    try {
      outcome = (await sendClient.request(
        spec.method as never,
        spec.path as never,
        {
          params: spec.params,
          body: spec.body,
          headers: auth,
          parseAs: "text",
          signal: spec.signal,
          fetch: (request: Request) => viaKy(request, perAttempt, spec.signal),
        } as never,
      )) as typeof outcome;
    } catch (error) {
      // A caller's abort is not an API failure: it rejects with the platform's AbortError.
      if (spec.signal?.aborted) throw spec.signal.reason ?? error;
      if (isTimeoutError(error) && attempts === 0) attempts = 1;
      return { error: errorFromException(error, timeout, ctx()) };
    }
    const { response } = outcome;
    if (response.ok) {
      const text = typeof outcome.data === "string" ? outcome.data : "";
      if (response.status === 204) return { data: undefined, response };
      try {
        return { data: JSON.parse(text), response };
      } catch {
        return { error: errorFromBadSuccessBody(response, text, ctx()), response };
      }
    }
    const text =
      typeof outcome.error === "string"
        ? outcome.error
        : outcome.error === undefined
          ? ""
          : JSON.stringify(outcome.error);
    const declared = provider.operations[spec.path]?.[spec.method]?.statuses ?? [];
    return { error: errorFromResponse(response, text, declared, ctx()), response };
  }

  function log(line: Parameters<NonNullable<ResolvedTransportOptions["logger"]>>[0]) {
    try {
      options.logger?.({
        ...line,
        durationMs: Math.round(line.durationMs * 10) / 10,
        ...(line.traceId ? { traceId: provider.redactor.redact(line.traceId) } : {}),
      });
    } catch {
      // A failing logger must not fail the call.
    }
  }

  async function pace(spec: SendSpec) {
    const rule = options.rateLimit ? provider.operations[spec.path]?.[spec.method]?.rateLimit : undefined;
    if (!rule || !options.rateLimit) return;
    const key = rateLimitKey(`${spec.method} ${spec.path}`, rule, spec.params?.path);
    const wait = await options.rateLimit.store?.reserve(key, rule.limit, rule.windowSeconds * 1000, Date.now());
    if (wait) await sleep(wait, spec.signal);
  }

  return {
    api,
    async send(spec) {
      if (spec.params?.path) validatePathParams(spec.params.path, spec.paramNames ?? {});
      const meta = provider.operations[spec.path]?.[spec.method];
      validateQuery(spec.params?.query, meta?.query, `${spec.method.toUpperCase()} ${spec.path}`);
      const auth = spec.anonymous ? {} : await provider.hooks?.authHeaders?.(spec.signal);
      if (auth && "error" in auth) return auth as Result<never>;
      await pace(spec);
      const result = await attempt(spec, (auth as Record<string, string>) ?? {});
      if (
        !spec.anonymous &&
        result.error?.kind === "api" &&
        result.error.status === 401 &&
        provider.hooks?.onUnauthorized
      ) {
        if (await provider.hooks.onUnauthorized((auth as Record<string, string>) ?? {})) {
          const again = await provider.hooks.authHeaders?.(spec.signal);
          if (again && "error" in again) return again as Result<never>;
          const replay = await attempt(spec, (again as Record<string, string>) ?? {});
          if (replay.error) replay.error.attempts += result.error.attempts;
          return replay;
        }
      }
      return result;
    },
  };
}

function isConnectionRefused(cause: unknown): boolean {
  for (let current = cause, depth = 0; current && depth < 4; depth++) {
    if ((current as { code?: unknown }).code === "ECONNREFUSED") return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

async function traceIdOf(response: Response, read: ErrorBodyReader): Promise<string | undefined> {
  if (!/json/i.test(response.headers.get("content-type") ?? "")) return undefined;
  try {
    return read(await response.clone().json()).traceId;
  } catch {
    return undefined;
  }
}
