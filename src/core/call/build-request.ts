import { createFinalURL, createQuerySerializer, defaultBodySerializer, defaultPathSerializer } from "openapi-fetch";
import type { Call, CallInit, WireRequest } from "../contract/call.ts";

// openapi-fetch's own serialisers (the functions it exports for this), so a typed method builds the
// same URL and body as `client.api` does, without a Request per call.
const querySerializer = createQuerySerializer();

/**
 * The call's request: the URL from the base URL, the path template with its parameters encoded and
 * the query (form style, arrays as repeated parameters; JSON parameters arrive already encoded), and
 * the JSON body with its content type. A body that cannot be serialised throws a TypeError here,
 * before anything is sent.
 */
export function buildRequest(baseUrl: string, call: Call, init: CallInit): WireRequest {
  const url = createFinalURL(call.path, {
    baseUrl,
    params: { path: init.path ?? {}, ...(init.query ? { query: init.query } : {}) },
    querySerializer,
    pathSerializer: defaultPathSerializer,
  });
  const headers = new Headers();
  let body: string | undefined;
  if (init.body !== undefined) {
    body = defaultBodySerializer(init.body);
    headers.set("Content-Type", "application/json");
  }
  return { url, method: call.method, headers, body };
}
