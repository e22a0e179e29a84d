const REDACTED = "[REDACTED]";
const MIN_SECRET_LENGTH = 4;

/**
 * Holds the credentials a client knows (API key, password, tokens) and removes them from any text
 * before it becomes an error message or a log line, including when the server echoes them back.
 */
export class Redactor {
  readonly #secrets = new Set<string>();

  add(secret: string | undefined): void {
    if (secret && secret.length >= MIN_SECRET_LENGTH) {
      this.#secrets.add(secret);
      // Servers echo values URL-encoded too.
      const encoded = encodeURIComponent(secret);
      if (encoded !== secret) this.#secrets.add(encoded);
    }
  }

  redact(text: string): string {
    let out = text;
    for (const secret of this.#secrets) if (out.includes(secret)) out = out.split(secret).join(REDACTED);
    return out;
  }

  /** Redacts every string inside a parsed JSON value (keys included); returns the value itself when clean. */
  redactJson(value: unknown): unknown {
    if (this.#secrets.size === 0) return value;
    if (typeof value === "string") return this.redact(value);
    if (Array.isArray(value)) return value.map((v) => this.redactJson(v));
    if (value !== null && typeof value === "object") {
      const out: Record<string, unknown> = {};
      // defineProperty, not assignment: a "__proto__" key in a body must stay a plain property and
      // never become the copy's prototype.
      for (const [k, v] of Object.entries(value)) {
        Object.defineProperty(out, this.redact(k), {
          value: this.redactJson(v),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return out;
    }
    return value;
  }

  // A redactor is reachable from clients; keep its contents out of inspection and serialisation.
  toJSON() {
    return `Redactor(${this.#secrets.size} secrets)`;
  }
  [Symbol.for("nodejs.util.inspect.custom")]() {
    return this.toJSON();
  }
}
