import { fillPath } from "./fill-path.ts";
import { describeCause, type Outcome } from "./outcome.ts";
import type { Redactor } from "./redactor.ts";
import type { CallContext } from "./transport.ts";
import type { RequestEvent, ResolvedTransportOptions, ResponseEvent } from "./transport-options.ts";

/**
 * One attempt under the client's hooks (loaded only by clients that have one): `onRequest` before it
 * is sent (it may set headers, never the credential or the host), `onResponse` when it ends, also
 * when the caller aborts it (a tracing span is closed), before the abort rejects the call.
 */
let lastRequestId = 0;

export async function withHooks(
  hooks: Pick<ResolvedTransportOptions, "onRequest" | "onResponse">,
  ctx: CallContext,
  attempt: number,
  headers: Headers,
  auth: { credentialHeaders: ReadonlySet<string> },
  pace: { waitMs?: number | undefined },
  redactor: Redactor,
  send: () => Promise<Outcome>,
): Promise<Outcome> {
  const requestId = ++lastRequestId;
  runHook(hooks.onRequest, { requestId, ...requestEvent(ctx, attempt, headers, auth.credentialHeaders) });
  const started = performance.now();
  const ended = (outcome: Outcome) =>
    runHook(hooks.onResponse, {
      requestId,
      ...responseEvent(ctx, attempt, performance.now() - started, outcome, pace.waitMs, redactor),
    });
  let outcome: Outcome;
  try {
    outcome = await send();
  } catch (error) {
    ended({ type: "failure", error, timedOut: false, timeoutMs: 0, reason: "aborted by the caller" });
    throw error;
  }
  ended(outcome);
  return outcome;
}

export function requestEvent(
  ctx: CallContext,
  attempt: number,
  headers: Headers,
  protectedHeaders: ReadonlySet<string>,
): Omit<RequestEvent, "requestId"> {
  return {
    operation: `${ctx.method} ${ctx.path}`,
    method: ctx.method,
    path: fillPath(ctx.path, ctx.pathParams),
    attempt,
    setHeader(name: string, value: string) {
      const lower = String(name).toLowerCase();
      if (protectedHeaders.has(lower) || lower === "host") {
        throw new TypeError(`onRequest cannot set "${name}": the client sets credentials and the host`);
      }
      headers.set(name, value);
    },
  };
}

export function responseEvent(
  ctx: CallContext,
  attempt: number,
  durationMs: number,
  outcome: Outcome,
  waitMs: number | undefined,
  redactor: Redactor,
): Omit<ResponseEvent, "requestId"> {
  const event: Omit<ResponseEvent, "requestId"> = {
    operation: `${ctx.method} ${ctx.path}`,
    method: ctx.method,
    path: fillPath(ctx.path, ctx.pathParams),
    attempt,
    durationMs: Math.round(durationMs * 10) / 10,
  };
  if (outcome.type === "response") event.status = outcome.response.status;
  else if (outcome.type === "failure") {
    event.error = redactor.redact(
      outcome.reason ?? (outcome.timedOut ? `timed out after ${outcome.timeoutMs} ms` : describeCause(outcome.error)),
    );
  }
  if (waitMs !== undefined) event.waitMs = waitMs;
  return event;
}

/** Runs a hook; one that throws (or returns a rejected promise) never fails the call. */
export function runHook<E>(hook: ((event: E) => unknown) | undefined, event: E): void {
  if (!hook) return;
  try {
    const pending = hook(event);
    if (pending && typeof (pending as Promise<void>).then === "function") (pending as Promise<void>).catch(() => {});
  } catch {
    // A failing hook must not fail the call.
  }
}
