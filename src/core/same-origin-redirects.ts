const REDIRECT = new Set([301, 302, 303, 307, 308]);
export const MAX_REDIRECTS = 5;

/**
 * A fetch that follows redirects only within the request's origin, and only for GET and HEAD. fetch
 * itself would forward custom headers such as `X-API-Key` to whatever origin a redirect names; here a
 * redirect to another origin is not followed and its 3xx response is returned, so the credential never
 * leaves the API's origin. Requests with a body are not replayed to a new location either (the API
 * documents no redirects for them, and a body sent once cannot be sent again without buffering it).
 */
export function sameOriginRedirects(fetchImpl: typeof fetch): typeof fetch {
  return async (input, init) => {
    // The transport builds its requests with redirect: "manual"; anything else gets it here.
    const reusable =
      input instanceof Request && input.redirect === "manual" && (!init || Object.keys(init).length === 0);
    let request = reusable ? input : new Request(input, { ...init, redirect: "manual" });
    for (let hop = 0; ; hop++) {
      const response = await fetchImpl(request);
      if (!REDIRECT.has(response.status) || hop >= MAX_REDIRECTS) return response;
      const location = response.headers.get("location");
      if (!location || (request.method !== "GET" && request.method !== "HEAD")) return response;
      const target = new URL(location, request.url);
      if (target.origin !== new URL(request.url).origin) return response;
      await response.body?.cancel().catch(() => {});
      request = new Request(target, {
        method: request.method,
        headers: request.headers,
        signal: request.signal,
        redirect: "manual",
      });
    }
  };
}
