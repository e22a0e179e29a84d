/**
 * 360dialog error bodies: `{ meta: { developer_message, http_code, success, 360dialog_trace_id } }`;
 * some pages use camelCase (`developerMessage`, `httpCode`) instead.
 */
export function readDialog360ErrorBody(body: unknown): { message?: string; traceId?: string } {
  if (typeof body !== "object" || body === null) return {};
  const meta = ((body as { meta?: unknown }).meta ?? body) as Record<string, unknown>;
  const message = meta.developer_message ?? meta.developerMessage;
  const traceId = meta["360dialog_trace_id"] ?? meta.trace_id;
  return {
    ...(typeof message === "string" && message ? { message } : {}),
    ...(typeof traceId === "string" && traceId ? { traceId } : {}),
  };
}
