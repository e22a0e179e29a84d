/** Bird does not document its error body; it carries `message` (and `code`) in practice. */
export function readBirdErrorBody(body: unknown): { message?: string; traceId?: string } {
  if (typeof body !== "object" || body === null) return {};
  const { message, code } = body as { message?: unknown; code?: unknown };
  const text = [typeof code === "string" ? code : "", typeof message === "string" ? message : ""]
    .filter(Boolean)
    .join(": ");
  return text ? { message: text } : {};
}
