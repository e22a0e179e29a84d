/**
 * Calls a user's callback (a logger, a hook, `onRateLimit`, `onDrift`, `onWarning`): one that throws,
 * or returns a promise that rejects, never fails the call and never becomes an unhandled rejection.
 */
export function callSafely<A>(callback: ((arg: A) => unknown) | undefined, arg: A): void {
  if (!callback) return;
  try {
    const pending = callback(arg);
    if (pending && typeof (pending as Promise<unknown>).then === "function") {
      (pending as Promise<unknown>).then(undefined, () => {});
    }
  } catch {
    // A failing callback must not fail the call.
  }
}
