import { fileURLToPath } from "node:url";

import { PROVIDERS, type ProviderName } from "../src/providers.ts";

export { PROVIDERS };
export type Provider = ProviderName;

export const ROOT = fileURLToPath(new URL("..", import.meta.url));

export function providerPaths(provider: Provider, root = ROOT) {
  return {
    fragments: `${root}openapi/${provider}/fragments`,
    overlays: `${root}openapi/${provider}/overlays`,
    bundle: `${root}openapi/dist/${provider}.json`,
    types: `${root}generated/${provider}.ts`,
    meta: `${root}generated/${provider}-meta.ts`,
    query: `${root}generated/${provider}-query.ts`,
    responses: `${root}generated/${provider}-responses.ts`,
  };
}

export function parseProvider(value: string | undefined): Provider {
  if (value && (PROVIDERS as readonly string[]).includes(value)) return value as Provider;
  throw new Error(`Unknown provider "${value}". Expected one of: ${PROVIDERS.join(", ")}`);
}
