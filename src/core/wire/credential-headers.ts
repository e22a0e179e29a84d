import type { SecuritySchemeMeta } from "../contract/operation-meta.ts";
import { SENSITIVE_HEADERS } from "./http-facts.ts";

/**
 * The header names a provider's security schemes put a credential in, lower-case (`securitySchemes` of
 * the bundled spec: an API key's header, `Authorization` for HTTP schemes). The client alone sets
 * them: per-call headers and hooks may not.
 */
export function credentialHeaders(schemes: { readonly [name: string]: SecuritySchemeMeta }): ReadonlySet<string> {
  const names = new Set<string>();
  for (const scheme of Object.values(schemes)) {
    if (scheme.type === "apiKey" && scheme.in === "header" && scheme.name) names.add(scheme.name.toLowerCase());
    if (scheme.type === "http") names.add("authorization");
  }
  return names;
}

/** Headers whose values never leave the client or the contract proxy: the credential headers plus the generic sensitive ones. */
export function redactedHeaders(schemes: { readonly [name: string]: SecuritySchemeMeta }): ReadonlySet<string> {
  return new Set([...credentialHeaders(schemes), ...SENSITIVE_HEADERS]);
}
