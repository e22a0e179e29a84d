/**
 * Checks a credential at construction, never echoing it: an unset environment variable, an empty
 * string, or a key with whitespace or a control character (a stray newline from a secrets file) would
 * otherwise fail later, as a confusing network error whose message could show the value.
 */
export function checkCredential(value: unknown, label: string, options: { allowInnerSpace?: boolean } = {}): void {
  if (value === undefined)
    throw new TypeError(`${label} is required; it is undefined (is its environment variable set?)`);
  if (typeof value !== "string")
    throw new TypeError(`${label} must be a string, got ${value === null ? "null" : typeof value}`);
  if (value.length === 0) throw new TypeError(`${label} is required; it is an empty string`);
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
  if (/[\u0000-\u001f\u007f]/.test(value)) throw new TypeError(`${label} contains a control character (a newline?)`);
  if (value.trim() !== value) throw new TypeError(`${label} has leading or trailing whitespace`);
  if (!options.allowInnerSpace && /\s/.test(value)) throw new TypeError(`${label} contains whitespace`);
}

/**
 * Checks an ID given once at construction (`partnerId`, `workspaceId`): the credential's checks (an
 * unset environment variable says so), and nothing that would change the path it is sent in.
 */
export function checkId(value: unknown, label: string): void {
  checkCredential(value, label);
  const id = value as string;
  if (id === "." || id === ".." || /[/?#]/.test(id)) {
    throw new TypeError(`${label} ${JSON.stringify(id)} is not an ID: it must not be "." or ".." or contain /, ? or #`);
  }
}
