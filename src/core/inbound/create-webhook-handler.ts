import { isWebhookVerificationError } from "./webhook-verification-error.ts";

/** The largest body a handler reads by default (1 MiB): deliveries are small; a larger body is refused unread. */
export const DEFAULT_MAX_WEBHOOK_BYTES = 1024 * 1024;

/** Callbacks by event name; each gets the event narrowed to its type. */
export type WebhookCallbacks<E extends { event: unknown }> = {
  [K in Extract<E["event"], string>]?: (event: Extract<E, { event: K }>) => unknown;
};

/** Options every provider's `createWebhookHandler` takes besides its secret. */
export interface WebhookHandlerOptions<E extends { event: unknown }> {
  /** Called for the events they name, after verification. An event with no callback is acknowledged (2xx). */
  on?: WebhookCallbacks<E>;
  /** Called for every verified event without a callback of its own in `on` (unknown events included). */
  onOtherEvent?: (event: E) => unknown;
  /**
   * Told when a delivery is refused (a `WebhookVerificationError`) or a callback throws; the vendor
   * gets no detail either way. A function that throws here is ignored.
   */
  onError?: (error: unknown) => void;
  /**
   * Largest body read, in bytes; a larger one is refused (413) without reading the rest.
   * @default 1048576 (1 MiB)
   */
  maxBodyBytes?: number;
}

/**
 * A Web-standard handler, `(request: Request) => Promise<Response>`, for any framework that speaks
 * `Request`/`Response` (Next.js route handlers, Hono, Bun, Deno, workers; Node's `http` and Express
 * through an adapter: see the README). It answers:
 * - 405 (with `Allow: POST`) for another method;
 * - 413 for a body over `maxBodyBytes`;
 * - 400 for a refused delivery (no signature, a wrong one, stale, not a JSON event), with no detail an
 *   attacker could use; no callback runs;
 * - 500 when the callback throws, so the vendor retries;
 * - 200 once the callback settles (and for an event with no callback).
 * Vendors retry: the same delivery can arrive twice, so callbacks should be idempotent.
 */
export function createWebhookHandler<E extends { event: unknown }>(
  verify: (body: Uint8Array, request: Request) => Promise<E>,
  options: WebhookHandlerOptions<E>,
): (request: Request) => Promise<Response> {
  const max = options.maxBodyBytes ?? DEFAULT_MAX_WEBHOOK_BYTES;
  if (!Number.isSafeInteger(max) || max < 1) throw new RangeError("maxBodyBytes must be a positive integer");
  const report = (error: unknown) => {
    try {
      options.onError?.(error);
    } catch {
      // A failing error callback must not change the answer.
    }
  };
  return async (request) => {
    if (request.method !== "POST") return text(405, "method not allowed", { allow: "POST" });
    const body = await readCapped(request, max);
    if (!body) return text(413, "payload too large");
    let event: E;
    try {
      event = await verify(body, request);
    } catch (error) {
      report(error);
      if (isWebhookVerificationError(error)) return text(400, "webhook refused");
      return text(500, "webhook verification failed");
    }
    const name = event.event as Extract<E["event"], string>;
    const callback = (options.on?.[name] as ((e: E) => unknown) | undefined) ?? options.onOtherEvent;
    try {
      await callback?.(event);
    } catch (error) {
      report(error);
      return text(500, "webhook callback failed");
    }
    return text(200, "ok");
  };
}

/** The request's body, or undefined when it is longer than `max` bytes (the rest is not read). */
async function readCapped(request: Request, max: number): Promise<Uint8Array | undefined> {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > max) {
    await request.body?.cancel().catch(() => {});
    return undefined;
  }
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => {});
      return undefined;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

function text(status: number, body: string, headers: Record<string, string> = {}): Response {
  return new Response(body, { status, headers: { "content-type": "text/plain; charset=utf-8", ...headers } });
}
