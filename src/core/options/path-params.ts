/** Longest path parameter we send; IDs of both providers are far shorter. */
export const MAX_PATH_PARAM_LENGTH = 256;

/** Path-parameter formats checked before sending (others the spec may declare are left to the server). */
const FORMATS: Record<string, { pattern: RegExp; what: string }> = {
  uuid: { pattern: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, what: "a UUID" },
};

/**
 * Checks the path parameters of a call before anything is sent. Values are percent-encoded by the
 * transport, so `/`, `?` and `#` cannot reach another route; what remains dangerous or meaningless is
 * rejected here: non-strings, empty values, `.` and `..` (which URL normalisation would resolve),
 * control characters, absurd lengths, and values outside the format the spec declares (`formats`).
 */
export function validatePathParams(
  params: Record<string, unknown>,
  names: Record<string, string>,
  formats?: { readonly [name: string]: string },
): void {
  for (const [key, value] of Object.entries(params)) {
    const label = names[key] ?? key;
    if (typeof value !== "string") {
      throw new TypeError(`${label} must be a string, got ${value === null ? "null" : typeof value}`);
    }
    if (value.length === 0) throw new TypeError(`${label} must not be empty`);
    if (value === "." || value === "..") throw new TypeError(`${label} must not be "${value}"`);
    if (value.length > MAX_PATH_PARAM_LENGTH) {
      throw new RangeError(`${label} is ${value.length} characters long; at most ${MAX_PATH_PARAM_LENGTH} are allowed`);
    }
    // biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters is the point
    if (/[\u0000-\u001f\u007f]/.test(value)) throw new TypeError(`${label} must not contain control characters`);
    const declared = formats?.[key];
    const format = declared !== undefined && Object.hasOwn(FORMATS, declared) ? FORMATS[declared] : undefined;
    if (format && !format.pattern.test(value)) {
      throw new TypeError(
        `${label} must be ${format.what} (the API's spec declares format "${declared}"), got ${JSON.stringify(value.slice(0, 64))}`,
      );
    }
  }
}
