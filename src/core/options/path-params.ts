/** Longest path parameter we send; IDs of both providers are far shorter. */
export const MAX_PATH_PARAM_LENGTH = 256;

/**
 * Checks the path parameters of a call before anything is sent. Values are percent-encoded by the
 * transport, so `/`, `?` and `#` cannot reach another route; what remains dangerous or meaningless is
 * rejected here: non-strings, empty values, `.` and `..` (which URL normalisation would resolve),
 * control characters and absurd lengths. The formats the spec declares are checked by
 * `checkPathFormats`, loaded with the first call of an operation that declares one.
 */
export function validatePathParams(params: Record<string, unknown>, names: Record<string, string>): void {
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
  }
}
