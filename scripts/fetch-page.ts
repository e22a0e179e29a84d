import ky, { HTTPError, type RetryOptions, TimeoutError } from "ky";

export interface FetchPageOptions {
  /** ms per attempt. @default 30_000 */
  timeout?: number;
  /** ky's retry options; network errors, 408, 429 and 5xx are retried. @default { limit: 2 } */
  retry?: RetryOptions;
}

/**
 * GETs a vendor page's Markdown form with ky (bounded retries, a timeout per attempt) and refuses what
 * is not a Markdown page: an error status, or an HTML page (a gateway's or a CDN's error page, or the
 * docs site's HTML when the `.md` form moved).
 */
export async function fetchPage(url: string, options: FetchPageOptions = {}): Promise<string> {
  let response: Response;
  try {
    response = await ky.get(url, {
      timeout: options.timeout ?? 30_000,
      // A server's Retry-After is honoured up to a minute, never for the whole job.
      retry: { limit: 2, maxRetryAfter: 60_000, ...options.retry },
      headers: { accept: "text/markdown, text/plain;q=0.9, */*;q=0.1" },
    });
  } catch (error) {
    if (error instanceof HTTPError)
      throw new Error(`GET ${url} answered ${error.response.status} ${error.response.statusText}`.trimEnd());
    if (error instanceof TimeoutError) throw new Error(`GET ${url} timed out (no answer within the timeout)`);
    throw new Error(`GET ${url} failed: ${rootCause(error)}`);
  }
  const text = await response.text();
  const type = response.headers.get("content-type") ?? "";
  if (type.includes("text/html") || /^\s*<(!doctype html|html)/i.test(text))
    throw new Error(
      `GET ${url} answered an HTML page (${response.status}, ${type || "no content type"}), not Markdown`,
    );
  return text;
}

/** The innermost reason of a network failure (`ECONNREFUSED`, `ENOTFOUND`, …), under ky's and fetch's wrappers. */
function rootCause(error: unknown): string {
  let current = error as { cause?: unknown; code?: unknown; message?: string } | undefined;
  let reason = current?.message ?? String(error);
  for (let depth = 0; current && depth < 5; depth++) {
    if (typeof current.code === "string") return current.code;
    if (current.message) reason = current.message;
    current = current.cause as typeof current;
  }
  return reason;
}
