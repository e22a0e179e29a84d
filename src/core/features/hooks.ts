import type { Call } from "../contract/call.ts";
import type { RequestEvent, ResolvedTransportOptions, ResponseEvent } from "../contract/client-options.ts";
import type { Outcome } from "../contract/outcome.ts";
import type { Redaction } from "../contract/redaction.ts";
import { refuseProtectedHeader } from "../options/request-options.ts";
import { callSafely } from "../wire/call-safely.ts";
import { fillPath } from "../wire/fill-path.ts";
import { describeFailure } from "./log-line.ts";

/** One attempt about to be sent under the client's hooks. */
export interface HookedAttempt {
  state: {
    options: Pick<ResolvedTransportOptions, "onRequest" | "onResponse">;
    auth: { credentialHeaders: ReadonlySet<string> };
    nextRequestId: () => number;
  };
  redactor: Redaction;
  call: Call;
  /** 1 for the first attempt. */
  attempt: number;
  /** The request's headers, which `onRequest` may add to. */
  headers: Headers;
  /** How long the attempt waited for pacing, when it did. */
  waitMs: number | undefined;
  send: () => Promise<Outcome>;
}

/**
 * One attempt under the client's hooks (loaded only by clients that have one): `onRequest` before it
 * is sent (it may set headers, never the credential or the host), `onResponse` when it ends, also
 * when the caller aborts it (a tracing span is closed), before the abort rejects the call.
 */
export async function withHooks({
  state,
  redactor,
  call,
  attempt,
  headers,
  waitMs,
  send,
}: HookedAttempt): Promise<Outcome> {
  const { onRequest, onResponse } = state.options;
  const base = {
    requestId: state.nextRequestId(),
    operation: `${call.method} ${call.path}`,
    method: call.method,
    path: fillPath(call.path, call.pathParams),
    attempt,
  };
  callSafely<RequestEvent>(onRequest, {
    ...base,
    setHeader(name: string, value: string) {
      refuseProtectedHeader(String(name), state.auth.credentialHeaders, "onRequest", "by a hook");
      headers.set(name, value);
    },
  });
  const started = performance.now();
  const ended = (outcome: Outcome) => {
    const event: ResponseEvent = { ...base, durationMs: Math.round((performance.now() - started) * 10) / 10 };
    if (outcome.type === "response") event.status = outcome.response.status;
    else if (outcome.type === "failure") event.error = redactor.redact(describeFailure(outcome));
    if (waitMs !== undefined) event.waitMs = waitMs;
    callSafely(onResponse, event);
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
