import { fillPath } from "./fill-path.ts";
import { describeFailure } from "./log-line.ts";
import type { Outcome } from "./outcome.ts";
import type { Redactor } from "./redactor.ts";
import { refuseProtectedHeader } from "./request-options.ts";
import type { CallContext } from "./transport.ts";
import type { RequestEvent, ResolvedTransportOptions, ResponseEvent } from "./transport-options.ts";

let lastRequestId = 0;

/**
 * One attempt under the client's hooks (loaded only by clients that have one): `onRequest` before it
 * is sent (it may set headers, never the credential or the host), `onResponse` when it ends, also
 * when the caller aborts it (a tracing span is closed), before the abort rejects the call.
 */
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
  const base = {
    requestId: ++lastRequestId,
    operation: `${ctx.method} ${ctx.path}`,
    method: ctx.method,
    path: fillPath(ctx.path, ctx.pathParams),
    attempt,
  };
  runHook<RequestEvent>(hooks.onRequest, {
    ...base,
    setHeader(name: string, value: string) {
      refuseProtectedHeader(String(name), auth.credentialHeaders, "onRequest", "by a hook");
      headers.set(name, value);
    },
  });
  const started = performance.now();
  const ended = (outcome: Outcome) => {
    const event: ResponseEvent = { ...base, durationMs: Math.round((performance.now() - started) * 10) / 10 };
    if (outcome.type === "response") event.status = outcome.response.status;
    else if (outcome.type === "failure") event.error = redactor.redact(describeFailure(outcome));
    if (pace.waitMs !== undefined) event.waitMs = pace.waitMs;
    runHook(hooks.onResponse, event);
  };
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

/** Runs a hook; one that throws (or returns a rejected promise) never fails the call. */
function runHook<E>(hook: ((event: E) => unknown) | undefined, event: E): void {
  if (!hook) return;
  try {
    const pending = hook(event);
    if (pending && typeof (pending as Promise<void>).then === "function") (pending as Promise<void>).catch(() => {});
  } catch {
    // A failing hook must not fail the call.
  }
}
