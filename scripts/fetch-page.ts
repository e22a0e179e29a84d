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
      retry: options.retry ?? { limit: 2 },
      headers: { accept: "text/markdown, text/plain;q=0.9, */*;q=0.1" },
    });
  } catch (error) {
    if (error instanceof HTTPError)
      throw new Error(`GET ${url} answered ${error.response.status} ${error.response.statusText}`.trimEnd());
    if (error instanceof TimeoutError) throw new Error(`GET ${url} timed out (no answer within the timeout)`);
    const cause = (error as Error).cause as { code?: string } | undefined;
    throw new Error(`GET ${url} failed: ${cause?.code ?? (error as Error).message}`);
  }
  const text = await response.text();
  const type = response.headers.get("content-type") ?? "";
  if (type.includes("text/html") || /^\s*<(!doctype html|html)/i.test(text))
    throw new Error(
      `GET ${url} answered an HTML page (${response.status}, ${type || "no content type"}), not Markdown`,
    );
  return text;
}
