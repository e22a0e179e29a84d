export interface FakeCall {
  url: URL;
  method: string;
  headers: Headers;
  body: string | undefined;
}

/**
 * A fetch injected into a client: records each request and answers with `answer`. It honours the
 * request's signal the way the platform's does, so a stalled answer ends when the attempt is aborted.
 */
export function fakeFetch(answer: (call: FakeCall, n: number) => Response | Promise<Response> | "stall") {
  const calls: FakeCall[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const call: FakeCall = {
      url: new URL(String(input)),
      method: init?.method ?? "GET",
      headers: new Headers(init?.headers),
      body: typeof init?.body === "string" ? init.body : undefined,
    };
    calls.push(call);
    const signal = init?.signal ?? undefined;
    signal?.throwIfAborted();
    const result = answer(call, calls.length);
    if (result !== "stall") return result;
    return new Promise<Response>((_resolve, reject) => {
      signal?.addEventListener("abort", () => reject(signal.reason), { once: true });
    });
  };
  return { fetch: fetch as typeof globalThis.fetch, calls };
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  const text = JSON.stringify(body);
  return new Response(status === 204 ? null : text, {
    status,
    headers: {
      "content-type": "application/json",
      "content-length": String(new TextEncoder().encode(text).byteLength),
      ...headers,
    },
  });
}
