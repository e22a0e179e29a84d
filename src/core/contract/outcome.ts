/** What one attempt (or the step before it) came to, before it is turned into a result. */
export type Outcome =
  | {
      readonly type: "response";
      readonly response: Response;
      /** The body, read once under the size cap. */
      readonly text: string;
      readonly overCap: boolean;
    }
  | {
      readonly type: "failure";
      readonly error: unknown;
      /** No response within the attempt's timeout (or the rest of the total deadline). */
      readonly timedOut: boolean;
      readonly timeoutMs: number;
      /** Why no response is reported, when the transport decided it (a redirect loop, a refused redirect). */
      readonly reason?: string;
    }
  | { readonly type: "rate_limited"; readonly retryAfterMs: number };
