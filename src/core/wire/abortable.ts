/**
 * Settles like `promise`, or rejects with the signal's reason as soon as it aborts (running
 * `onAbort`, for example to cancel a body), with the listener removed either way. The abandoned
 * promise's rejection is caught so it never goes unhandled.
 */
export function abortable<T>(
  promise: Promise<T>,
  signal: AbortSignal | undefined,
  onAbort?: () => Promise<unknown> | undefined,
): Promise<T> {
  if (!signal) return promise;
  const abandon = () => {
    promise.catch(() => {});
    onAbort?.()?.catch(() => {});
  };
  if (signal.aborted) {
    abandon();
    return Promise.reject(signal.reason);
  }
  return new Promise<T>((resolve, reject) => {
    const onAbortEvent = () => {
      abandon();
      reject(signal.reason);
    };
    signal.addEventListener("abort", onAbortEvent, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener("abort", onAbortEvent);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbortEvent);
        reject(signal.aborted ? signal.reason : error);
      },
    );
  });
}
