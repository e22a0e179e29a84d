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

  // A redactor is reachable from clients; keep its contents out of inspection and serialisation.
  toJSON() {
    return `Redactor(${this.#secrets.size} secrets)`;
  }
  [Symbol.for("nodejs.util.inspect.custom")]() {
    return this.toJSON();
  }
}
