import { abortable } from "../wire/abortable.ts";

/** The body of one response, read at most once and never past the cap. */
export interface ReadBody {
  text: string;
  /** The body was longer than the cap: `text` holds what came before it, and the rest was not read. */
  overCap: boolean;
}

/**
 * Reads a response body under a size cap and an abort signal (the attempt's: its timeout, the total
 * deadline and the caller's signal); `signalBound` says the fetch already ties the body to it. On abort or when the cap is reached the body is cancelled, so its
 * connection is released, and nothing past the cap is read.
 */
export async function readBody(
  response: Response,
  maxBytes: number,
  signal: AbortSignal,
  signalBound = false,
): Promise<ReadBody> {
  const body = response.body;
  if (body === null) return { text: "", overCap: false };
  const length = response.headers.get("content-length");
  const declared = length === null ? Number.NaN : Number(length);
  if (declared > maxBytes) {
    await body.cancel().catch(() => {});
    return { text: "", overCap: true };
  }
  // With a trustworthy length under the cap, the platform's own reader is the cheapest. fetch
  // decompresses, so Content-Length says nothing about the decoded size when there is an encoding.
  if (declared >= 0 && !response.headers.has("content-encoding")) {
    // The platform's fetch errors the body when the request's signal aborts (`signalBound`); another
    // fetch gets the same guarantee from a race with the signal.
    const text = signalBound ? response.text() : abortable(response.text(), signal, () => body.cancel());
    return { text: await text, overCap: false };
  }
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let text = "";
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await abortable(reader.read(), signal, () => reader.cancel());
      if (done) return { text: text + decoder.decode(), overCap: false };
      if (total + value.byteLength > maxBytes) {
        text += decoder.decode(value.subarray(0, maxBytes - total));
        await reader.cancel().catch(() => {});
        return { text, overCap: true };
      }
      total += value.byteLength;
      text += decoder.decode(value, { stream: true });
    }
  } finally {
    reader.releaseLock();
  }
}
