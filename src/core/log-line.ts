import type { ErrorBodyReader } from "./create-error.ts";
import { describeCause, jsonOf, type Outcome } from "./outcome.ts";
import type { Redactor } from "./redactor.ts";
import type { AttemptLogLine } from "./transport-options.ts";

/** One attempt's log line, credentials redacted; loaded only by clients that have a logger. */
export function logLine(
  call: { method: string; path: string },
  attempt: number,
  durationMs: number,
  outcome: Outcome,
  waitMs: number | undefined,
  readErrorBody: ErrorBodyReader,
  redactor: Redactor,
): AttemptLogLine {
  const line: AttemptLogLine = {
    method: call.method,
    path: call.path,
    attempt,
    durationMs: Math.round(durationMs * 10) / 10,
  };
  if (outcome.type === "response") {
    line.status = outcome.response.status;
    if (!outcome.response.ok) {
      const json = jsonOf(outcome);
      let traceId: string | undefined;
      try {
        traceId = json.ok ? readErrorBody(json.value).traceId : undefined;
      } catch {}
      if (traceId) line.traceId = redactor.redact(traceId);
    }
  } else if (outcome.type === "failure") {
    line.error = redactor.redact(describeFailure(outcome));
  }
  if (waitMs !== undefined) line.waitMs = waitMs;
  return line;
}

/** Why an attempt got no response, for log lines and hook events (redacted by the caller). Kept in this lazy module, not in outcome.ts, which every client loads up front. */
export function describeFailure(outcome: Outcome & { type: "failure" }): string {
  return (
    outcome.reason ?? (outcome.timedOut ? `timed out after ${outcome.timeoutMs} ms` : describeCause(outcome.error))
  );
}
