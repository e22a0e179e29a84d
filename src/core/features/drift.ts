import type { ErrorContext } from "../contract/call.ts";
import type { DriftEvent, RequestLogLine, ResolvedTransportOptions } from "../contract/client-options.ts";
import type { AnyBspError } from "../contract/error-types.ts";
import type { ResponsesMetaMap } from "../contract/operation-meta.ts";
import type { Outcome } from "../contract/outcome.ts";
import type { Redaction } from "../contract/redaction.ts";
import type { Result } from "../contract/result.ts";
import { collectDrift, type ShapeMismatch } from "../results/check-shape.ts";
import { driftError } from "../results/error-factory.ts";
import { callSafely } from "../wire/call-safely.ts";

/** How many distinct drifts (operation and pointer) a client reports; later ones are counted, not reported. */
export const MAX_REPORTED_DRIFTS = 500;
const SAMPLE_LIMIT = 80;

/**
 * Response validation (`validateResponses`), loaded with the first body a client checks: each body is
 * compared with the whole shape its operation declares for its status, and each drift is reported
 * once per operation and pointer (array indices as `*`) through `onDrift` and the logger. Samples
 * are redacted (the client's credentials) and cut short; the set of reported drifts is bounded.
 */
export function createDriftMonitor(
  options: Pick<ResolvedTransportOptions, "onDrift">,
  /** The client's logger (it gets a `drift` line per reported drift); one that fails never fails the call. */
  logger: ((line: RequestLogLine) => unknown) | undefined,
  redactor: Redaction,
  loadResponses: () => Promise<ResponsesMetaMap>,
  max = MAX_REPORTED_DRIFTS,
) {
  const reported = new Set<string>();
  let suppressed = 0;
  return {
    /**
     * Every drift of this body (for `"error"` mode); only the ones not seen before are reported. A
     * status the operation does not declare, or declares without a JSON body, has nothing to check.
     */
    async check(method: string, path: string, status: number, body: unknown): Promise<DriftEvent[]> {
      const shape = (await loadResponses())[path]?.[method.toLowerCase()]?.[String(status)];
      if (!shape) return [];
      const operation = `${method} ${path}`;
      const events = collectDrift(body, shape).map((m) => driftEvent(m, operation, status, redactor));
      for (const event of events) {
        const key = `${operation} ${event.pointer}`;
        if (reported.has(key)) continue;
        if (reported.size >= max) {
          suppressed += 1;
          continue;
        }
        reported.add(key);
        callSafely(logger, { event: "drift", ...event });
        callSafely(options.onDrift, event);
      }
      return events;
    },
    /**
     * A call's result under `validateResponses`: its body is checked (a success body, or a declared
     * error body); in `"error"` mode a drifted success becomes `kind: "unexpected"` with the drifts.
     */
    async validated(
      result: Result<unknown, AnyBspError>,
      outcome: Outcome & { type: "response" },
      ctx: { method: string; path: string },
      mode: "warn" | "error",
      context: () => ErrorContext,
    ): Promise<Result<unknown, AnyBspError>> {
      if (result.error) {
        if (result.error.kind === "api") await this.check(ctx.method, ctx.path, result.error.status, result.error.body);
        return result;
      }
      const drift = await this.check(ctx.method, ctx.path, outcome.response.status, result.data);
      if (drift.length === 0 || mode !== "error") return result;
      return { error: driftError(outcome, context(), drift), response: outcome.response };
    },
    /** Drifts not reported because the bound was reached. */
    get suppressed() {
      return suppressed;
    },
  };
}

/** One mismatch as the event `onDrift` and the logger get: redacted, cut short, frozen. */
function driftEvent(mismatch: ShapeMismatch, operation: string, status: number, redactor: Redaction): DriftEvent {
  const event: DriftEvent = {
    operation,
    status,
    pointer: mismatch.pointer || "/",
    rule: mismatch.rule as DriftEvent["rule"],
    message: cut(redactor.redact(mismatch.message)),
  };
  if (mismatch.sample !== undefined) event.sample = cut(redactor.redact(mismatch.sample));
  return Object.freeze(event);
}

function cut(text: string): string {
  return text.length > SAMPLE_LIMIT ? `${text.slice(0, SAMPLE_LIMIT)}…` : text;
}
