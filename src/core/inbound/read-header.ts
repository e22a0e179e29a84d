/** A webhook request's headers: a `Headers`, or a plain object as Node's `http` and Express give them. */
export type WebhookHeaders = Headers | Record<string, string | readonly string[] | undefined>;

/** A header's value, by case-insensitive name; the first of repeated values; undefined when absent or empty. */
export function readHeader(headers: WebhookHeaders, name: string): string | undefined {
  let value: string | readonly string[] | null | undefined;
  if (typeof Headers !== "undefined" && headers instanceof Headers) value = headers.get(name);
  else {
    const lower = name.toLowerCase();
    const key = Object.keys(headers).find((k) => k.toLowerCase() === lower);
    value = key === undefined ? undefined : (headers as Record<string, string | readonly string[] | undefined>)[key];
  }
  const first = Array.isArray(value) ? value[0] : value;
  const trimmed = typeof first === "string" ? first.trim() : undefined;
  return trimmed ? trimmed : undefined;
}
