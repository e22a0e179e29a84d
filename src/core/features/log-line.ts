import type { AttemptLogLine } from "../contract/client-options.ts";
import type { ErrorBodyReader } from "../contract/error-body.ts";
import type { Outcome } from "../contract/outcome.ts";
import type { Redaction } from "../contract/redaction.ts";
import { describeCause, jsonOf } from "../results/read-outcome.ts";

/** One ended attempt, as its log line is made from it. */
export interface LoggedAttempt {
  call: { method: string; path: string };
  attempt: number;
  durationMs: number;
  outcome: Outcome;
  /** How long the attempt waited for pacing, when it did. */
  waitMs: number | undefined;
  readBody: ErrorBodyReader;
  redactor: Redaction;
}

/** One attempt's log line, credentials redacted; loaded only by clients that log attempts. */
export function logLine({
  call,
  attempt,
  durationMs,
  outcome,
  waitMs,
  readBody,
  redactor,
}: LoggedAttempt): AttemptLogLine {
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
        traceId = json.ok ? readBody(json.value).traceId : undefined;
      } catch {}
      if (traceId) line.traceId = redactor.redact(traceId);
    }
  } else if (outcome.type === "failure") {
    line.error = redactor.redact(describeFailure(outcome));
  }
  if (waitMs !== undefined) line.waitMs = waitMs;
  return line;
}

/** Why an attempt got no response, for log lines and hook events (redacted by the caller). */
export function describeFailure(outcome: Outcome & { type: "failure" }): string {
  return (
    outcome.reason ?? (outcome.timedOut ? `timed out after ${outcome.timeoutMs} ms` : describeCause(outcome.error))
  );
}
