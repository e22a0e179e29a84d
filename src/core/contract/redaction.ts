/** Removes the client's credentials from text and parsed JSON before either leaves the client. */
export interface Redaction {
  /** Adds a secret learned during the client's life (a bearer token). */
  add(secret: string | undefined): void;
  redact(text: string): string;
  /** Every string inside a parsed JSON value (keys included); the value itself when clean. */
  redactJson(value: unknown): unknown;
}
