import { describe, expect, it } from "vitest";
import { readBody } from "../../src/core/call/read-body.ts";

/** A body stream that records how much was pulled from it and whether it was cancelled. */
function trackedStream(chunks: Uint8Array[], options: { endless?: boolean } = {}) {
  const state = { pulled: 0, cancelled: false };
  let i = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      const chunk = chunks[i++];
      if (chunk) {
        state.pulled += chunk.byteLength;
        controller.enqueue(chunk);
      } else if (options.endless) {
        // Never enqueues again: the body stalls.
      } else controller.close();
    },
    cancel() {
      state.cancelled = true;
    },
  });
  return { stream, state };
}
const bytes = (n: number, fill = 97) => new Uint8Array(n).fill(fill);

describe("readBody", () => {
  it("reads a body under the cap", async () => {
    const { stream } = trackedStream([bytes(3), bytes(2, 98)]);
    const result = await readBody(new Response(stream), 10, new AbortController().signal);
    expect(result).toEqual({ text: "aaabb", overCap: false });
  });

  it("stops at the cap without a Content-Length, cancels the body and reads nothing past it", async () => {
    const { stream, state } = trackedStream([bytes(4), bytes(4), bytes(4), bytes(4)]);
    const result = await readBody(new Response(stream), 6, new AbortController().signal);
    expect(result).toEqual({ text: "aaaaaa", overCap: true });
    expect(state.cancelled).toBe(true);
    expect(state.pulled).toBeLessThanOrEqual(12);
  });

  it("does not read at all when Content-Length is over the cap", async () => {
    const { stream, state } = trackedStream([bytes(4)]);
    const response = new Response(stream, { headers: { "content-length": "100000000" } });
    const result = await readBody(response, 1000, new AbortController().signal);
    expect(result).toEqual({ text: "", overCap: true });
    expect(state.cancelled).toBe(true);
  });

  it("rejects with the signal's reason when a body stalls, and cancels it", async () => {
    const { stream, state } = trackedStream([bytes(2)], { endless: true });
    const controller = new AbortController();
    const reading = readBody(new Response(stream), 100, controller.signal);
    const reason = new DOMException("no response within 5 ms", "TimeoutError");
    controller.abort(reason);
    await expect(reading).rejects.toBe(reason);
    expect(state.cancelled).toBe(true);
  });

  it("rejects at once when the signal is already aborted", async () => {
    const { stream } = trackedStream([bytes(2)]);
    const controller = new AbortController();
    controller.abort(new DOMException("gone", "AbortError"));
    await expect(readBody(new Response(stream), 100, controller.signal)).rejects.toMatchObject({ name: "AbortError" });
  });

  it("uses the decoded size when the body is compressed (Content-Length says nothing then)", async () => {
    const { stream } = trackedStream([bytes(50)]);
    const response = new Response(stream, { headers: { "content-length": "5", "content-encoding": "gzip" } });
    const result = await readBody(response, 10, new AbortController().signal);
    expect(result.overCap).toBe(true);
  });
});
