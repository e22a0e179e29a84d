/** Prism's request/response validation findings for one exchange (the `sl-violations` header). */
export function slViolations(response: Response | undefined): unknown[] {
  const header = response?.headers.get("sl-violations");
  return header ? (JSON.parse(header) as unknown[]) : [];
}
