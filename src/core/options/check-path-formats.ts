/** Path-parameter formats checked before sending (others the spec may declare are left to the server). */
const FORMATS: Record<string, { pattern: RegExp; what: string }> = {
  uuid: { pattern: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, what: "a UUID" },
};

/**
 * Checks path parameters against the formats the spec declares for them (Bird's IDs are UUIDs), so a
 * value the server would refuse is bad input, refused before anything is sent, with the name the
 * caller used (`names`: spec name → the caller's).
 */
export function checkPathFormats(
  params: Record<string, unknown>,
  names: Record<string, string>,
  formats: { readonly [name: string]: string },
): void {
  for (const [key, value] of Object.entries(params)) {
    const declared = formats[key];
    const format = declared !== undefined && Object.hasOwn(FORMATS, declared) ? FORMATS[declared] : undefined;
    if (format && !format.pattern.test(String(value))) {
      throw new TypeError(
        `${names[key] ?? key} must be ${format.what} (the API's spec declares format "${declared}"), got ${JSON.stringify(String(value).slice(0, 64))}`,
      );
    }
  }
}
