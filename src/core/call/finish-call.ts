import type { Call, ErrorContext, SettledCall } from "../contract/call.ts";
import type { AnyBspError } from "../contract/error-types.ts";
import type { Redaction } from "../contract/redaction.ts";
import type { Result } from "../contract/result.ts";
import { successValue } from "../results/read-outcome.ts";
import type { ClientState } from "./client-state.ts";

/**
 * A settled call as its result: a success exactly as the spec promises it, at once; anything else
 * through the error factory (loaded with the first failure). With `validateResponses`, the body is
 * then checked against its whole declared shape (loaded with the first body checked).
 */
export async function finishCall(
  state: ClientState,
  call: Call,
  settled: SettledCall,
): Promise<Result<unknown, AnyBspError>> {
  const { outcome } = settled;
  let result: Result<unknown, AnyBspError> | undefined;
  if (outcome.type === "response" && outcome.response.ok && !settled.step) {
    const success = successValue(outcome, call.meta);
    if (success) result = { data: success.value, response: outcome.response };
  }
  if (!result) {
    const [errors, redactor] = await Promise.all([state.features.errors(), state.features.redactor()]);
    result = errors.resultFromOutcome(outcome, errorContext(state, settled, call, redactor));
  }
  const mode = state.options.validateResponses;
  if (mode === "off" || outcome.type !== "response" || settled.step) return result;
  const drift = await state.features.drift();
  const redactor = await state.features.redactor();
  return drift.validated(result, outcome, call, mode, () => errorContext(state, settled, call, redactor));
}

/** What the error factory needs to know about a settled call besides its outcome. */
export function errorContext(state: ClientState, settled: SettledCall, call: Call, redactor: Redaction): ErrorContext {
  return {
    method: call.method,
    path: call.path,
    pathParams: call.pathParams,
    baseUrl: state.options.baseUrl,
    meta: call.meta,
    attempts: settled.attempts,
    redactor,
    readBody: state.provider.readErrorBody,
    now: state.options.clock.now(),
    ...(settled.step ? { step: settled.step, stepOperation: settled.stepOperation } : {}),
    ...(settled.pacingWaitMs === undefined ? {} : { pacingWaitMs: settled.pacingWaitMs }),
  };
}
