/** A webhook's body as it came: the text or the bytes received, never a parsed object. */
export type RawWebhookBody = string | Uint8Array | ArrayBuffer;

/**
 * The exact bytes a signature covers. A parsed object is refused: serialising it again changes the
 * bytes (key order, spacing, escapes), so a valid delivery would fail, or a tampered one pass.
 */
export function rawBodyBytes(body: RawWebhookBody, who: string): Uint8Array {
  if (typeof body === "string") return new TextEncoder().encode(body);
  if (body instanceof Uint8Array) return body;
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  throw new TypeError(
    `${who}: body must be the exact bytes received (a string, Uint8Array or ArrayBuffer), not a parsed object: read the raw body (for example express.raw(), or request.text() / request.arrayBuffer()), since serialising a parsed body again changes the bytes the signature covers`,
  );
}
