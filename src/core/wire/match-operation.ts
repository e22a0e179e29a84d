import type { HttpMethod, OperationMeta, ProviderMeta } from "../contract/operation-meta.ts";

/** The operation a URL addresses, with its path parameters. */
export interface MatchedOperation {
  path: string;
  meta: OperationMeta;
  params: Record<string, unknown>;
}

/**
 * A matcher from URLs to the operations of a spec (for the escape hatch and the contract proxy): the
 * path templates compiled once, then each URL (relative to `baseUrl`) matched against them.
 */
export function operationMatcher(
  meta: Pick<ProviderMeta, "operations">,
): (baseUrl: string, url: string, method: HttpMethod) => MatchedOperation | undefined {
  const routes = Object.keys(meta.operations).map((path) => {
    const names: string[] = [];
    const source = path.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\\?\{([^}]+)\\?\}|\{([^}]+)\}/g, (_m, a, b) => {
      names.push(a ?? b);
      return "([^/]+)";
    });
    return { path, re: new RegExp(`^${source}$`), names };
  });
  return (baseUrl, url, method) => {
    const base = new URL(baseUrl).pathname.replace(/\/+$/, "");
    let pathname = new URL(url).pathname;
    if (base && pathname.startsWith(base)) pathname = pathname.slice(base.length);
    for (const route of routes) {
      const match = route.re.exec(pathname);
      const op = match && meta.operations[route.path]?.[method];
      if (match && op) {
        const params: Record<string, unknown> = {};
        route.names.forEach((name, i) => {
          params[name] = decodeURIComponent(match[i + 1] as string);
        });
        return { path: route.path, meta: op, params };
      }
    }
    return undefined;
  };
}
