import type { WireRequest } from "../contract/call.ts";
import type { Clock } from "../contract/clock.ts";
import type { Outcome } from "../contract/outcome.ts";
import type { RequestSlots } from "../features/pacer.ts";
import { isConnectionRefused } from "../results/read-outcome.ts";
import { MAX_REDIRECTS, REDIRECT_STATUSES } from "../wire/http-facts.ts";
import { attemptSignal } from "./attempt-signal.ts";
import { readBody } from "./read-body.ts";

export interface AttemptLimits {
  fetch: typeof globalThis.fetch;
  /** The platform's fetch, which ties the body to the request's signal: its read needs no extra guard. */
  trustedFetch?: boolean;
  /** This attempt's timeout: the per-attempt timeout, or what is left of the total deadline if less. */
  timeoutMs: number;
  /** The caller's signal. */
  signal: AbortSignal | undefined;
  maxBodyBytes: number;
  /** The clock of the attempt's timeout. */
  clock?: Clock;
  /**
   * The rate-limit slots of a paced attempt: each request (the first, and every redirect hop, which
   * reaches the server as a request of its own) holds one until it ends.
   */
  slots?: RequestSlots | undefined;
}

/**
 * Sends one attempt and reads its body, all under one abort signal (the attempt's timeout and the
 * caller's signal) and the size cap. Redirects are followed by hand, only within the request's origin
 * and only for GET and HEAD, so a credential header never reaches another origin; each abandoned
 * redirect's body is cancelled. A caller's abort rejects with its reason; anything else is an outcome.
 */
export async function sendAttempt(request: WireRequest, limits: AttemptLimits): Promise<Outcome> {
  const attempt = attemptSignal(
    limits.timeoutMs,
    limits.signal,
    `no response within ${limits.timeoutMs} ms`,
    limits.clock,
  );
  const { signal } = attempt;
  try {
    let url = request.url;
    for (let hop = 0; ; hop++) {
      const response = await fetchOnce(request, url, signal, limits, () => attempt.timedOut);
      if (response.type === "opaqueredirect") {
        return failure(undefined, attempt.timedOut, limits, "the server redirected; redirects are not followed here");
      }
      const next = await followRedirect(request, response, url, hop, limits, signal);
      if (typeof next === "string") url = next;
      else if (next) return next;
      else {
        const body = await readBody(response, limits.maxBodyBytes, signal, limits.trustedFetch);
        return { type: "response", response, text: body.text, overCap: body.overCap };
      }
    }
  } catch (error) {
    if (limits.signal?.aborted) throw limits.signal.reason;
    return failure(error, attempt.timedOut, limits);
  } finally {
    attempt.dispose();
  }
}

/** One request of the attempt; its slot (if paced) ends with its headers, its failure or its abandonment. */
async function fetchOnce(
  request: WireRequest,
  url: string,
  signal: AbortSignal,
  limits: AttemptLimits,
  timedOut: () => boolean,
): Promise<Response> {
  // Called detached, never as a method of `limits`: a browser's fetch must not get another `this`.
  const fetchImpl = limits.fetch;
  let response: Response;
  try {
    response = await fetchImpl(url, {
      method: request.method,
      headers: request.headers,
      body: request.body ?? null,
      signal,
      redirect: "manual",
    });
  } catch (error) {
    // Failed or abandoned (timeout, caller's abort): its slot counts from now, unless it never left.
    limits.slots?.ended(!(isConnectionRefused(error) && !timedOut()));
    throw error;
  }
  limits.slots?.ended(true, response.status);
  return response;
}

/**
 * Where a redirect leads: the next URL (its slot taken), a failure that ends the attempt (another
 * origin, a loop, no slot), or undefined when the response is the answer (not a redirect, or one not
 * followed: no Location, or a request with a body).
 */
async function followRedirect(
  request: WireRequest,
  response: Response,
  url: string,
  hop: number,
  limits: AttemptLimits,
  signal: AbortSignal,
): Promise<string | Outcome | undefined> {
  if (!REDIRECT_STATUSES.has(response.status)) return undefined;
  const location = response.headers.get("location");
  // Requests with a body are not replayed elsewhere: the redirect is the answer.
  if (!location || (request.method !== "GET" && request.method !== "HEAD")) return undefined;
  await response.body?.cancel().catch(() => {});
  const target = new URL(location, url);
  if (target.origin !== new URL(url).origin) {
    return failure(
      undefined,
      false,
      limits,
      `the server redirected to another origin (${target.origin}), which is refused so the credential never leaves the API's origin`,
    );
  }
  if (hop + 1 >= MAX_REDIRECTS) {
    return failure(undefined, false, limits, `more than ${MAX_REDIRECTS} redirects (a redirect loop)`);
  }
  // The hop is a request of its own: it takes a slot like any other.
  const refused = await limits.slots?.another(signal);
  if (refused) return failure(undefined, false, limits, refused);
  return target.href;
}

function failure(error: unknown, timedOut: boolean, limits: AttemptLimits, reason?: string): Outcome {
  return {
    type: "failure",
    error,
    timedOut,
    timeoutMs: limits.timeoutMs,
    ...(reason ? { reason } : {}),
  };
}
