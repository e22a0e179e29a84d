import type { HttpMethod, ProviderMeta } from "./operation-meta.ts";

type Operations = Pick<ProviderMeta, "operations">;

const compiled = new WeakMap<Operations, Array<{ path: string; re: RegExp; names: string[] }>>();

/** The operation a URL of the escape hatch addresses, with its path parameters. */
export function matchOperation(meta: Operations, baseUrl: string, url: string, method: HttpMethod) {
  let routes = compiled.get(meta);
  if (!routes) {
    routes = Object.keys(meta.operations).map((path) => {
      const names: string[] = [];
      const source = path.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\\?\{([^}]+)\\?\}|\{([^}]+)\}/g, (_m, a, b) => {
        names.push(a ?? b);
        return "([^/]+)";
      });
      return { path, re: new RegExp(`^${source}$`), names };
    });
    compiled.set(meta, routes);
  }
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
}
