import { gzipSync } from "node:zlib";
import { build, type Metafile } from "esbuild";
import { ROOT } from "./providers.ts";

/**
 * Browser entry points and the budget of their initial chunk (minified + gzipped, dependencies
 * included), measured as an app's bundler ships them: code behind a dynamic `import()` (ky, loaded on
 * the first retry) lands in a lazy chunk, as Vite, Rollup and webpack do. Budgets are pinned at
 * today's figures (rounded up to the next 0.1 kB) so that growth fails CI; the product target for
 * bsp-sdk/360dialog is 13 kB.
 */
export const BUDGETS: Record<string, { entry: string; maxGzipBytes: number }> = {
  // The root entry is mostly MemoryRateLimitStore, which since 0.2 holds each slot until its request ends.
  "bsp-sdk": { entry: "src/index.ts", maxGzipBytes: 1_140 },
  // The provider entries as a whole carry both halves (the API client and the webhook receiver); an app
  // that imports one half pays for that half only (CONSUMER_BUDGETS).
  "bsp-sdk/360dialog": { entry: "src/360dialog/index.ts", maxGzipBytes: 15_150 },
  "bsp-sdk/bird": { entry: "src/bird/index.ts", maxGzipBytes: 14_480 },
};

/**
 * What an app pays for one half of a provider, as its bundler tree-shakes the entry point: a client
 * that only calls the API carries no webhook code, and a receiver that only verifies carries no client.
 */
export const CONSUMER_BUDGETS: Record<string, { contents: string; maxGzipBytes: number }> = {
  "360dialog: createDialog360Client only": {
    contents: 'export { createDialog360Client } from "./src/360dialog/index.ts";',
    maxGzipBytes: 13_460,
  },
  "360dialog: unwrapWebhook only": {
    contents: 'export { unwrapWebhook } from "./src/360dialog/index.ts";',
    maxGzipBytes: 1_790,
  },
  "bird: createBirdClient only": {
    contents: 'export { createBirdClient } from "./src/bird/index.ts";',
    maxGzipBytes: 12_560,
  },
  "bird: unwrapWebhook only": {
    contents: 'export { unwrapWebhook } from "./src/bird/index.ts";',
    maxGzipBytes: 2_040,
  },
};

export interface BundleSize {
  /** The entry chunk plus every chunk it imports statically: what a page loads up front. */
  minBytes: number;
  gzipBytes: number;
  /** Chunks reached only through `import()`: loaded when needed (ky, on the first retry). */
  lazyGzipBytes: number;
  metafile: Metafile;
}

/**
 * Sizes of one module bundled for the browser with everything it imports: esbuild `--bundle --minify
 * --splitting --format=esm`, gzip level 9.
 */
export async function bundleSize(entryOrSource: { entry: string } | { contents: string }): Promise<BundleSize> {
  const result = await build({
    ...("entry" in entryOrSource
      ? { entryPoints: [`${ROOT}${entryOrSource.entry}`] }
      : { stdin: { contents: entryOrSource.contents, resolveDir: ROOT, loader: "ts" } }),
    bundle: true,
    minify: true,
    splitting: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    outdir: `${ROOT}.size-check`,
    write: false,
    logLevel: "silent",
    metafile: true,
  });
  const files = new Map(result.outputFiles.map((f) => [f.path.slice(ROOT.length), f.contents]));
  const outputs = result.metafile.outputs;
  // Dynamically imported modules are entry points of their own; the page's entry is the one asked for.
  const wanted = "entry" in entryOrSource ? entryOrSource.entry : "<stdin>";
  const entry = Object.keys(outputs).find((name) => outputs[name]?.entryPoint === wanted) as string;
  const initial = new Set<string>();
  const visit = (name: string) => {
    if (initial.has(name)) return;
    initial.add(name);
    for (const imported of outputs[name]?.imports ?? []) if (imported.kind === "import-statement") visit(imported.path);
  };
  visit(entry);
  const gz = (name: string) => gzipSync(files.get(name) ?? new Uint8Array(), { level: 9 }).byteLength;
  let minBytes = 0;
  let gzipBytes = 0;
  let lazyGzipBytes = 0;
  for (const name of Object.keys(outputs)) {
    if (!name.endsWith(".js")) continue;
    if (initial.has(name)) {
      minBytes += files.get(name)?.byteLength ?? 0;
      gzipBytes += gz(name);
    } else lazyGzipBytes += gz(name);
  }
  return { minBytes, gzipBytes, lazyGzipBytes, metafile: result.metafile };
}

if (import.meta.main) {
  let failed = false;
  for (const [name, { entry, maxGzipBytes }] of Object.entries(BUDGETS)) {
    const { minBytes, gzipBytes, lazyGzipBytes } = await bundleSize({ entry });
    const ok = gzipBytes <= maxGzipBytes;
    failed ||= !ok;
    console.log(
      `${ok ? "ok  " : "OVER"} ${name}: initial chunk ${(gzipBytes / 1000).toFixed(1)} kB gz (${gzipBytes} B; ${(minBytes / 1000).toFixed(1)} kB min), budget ${(maxGzipBytes / 1000).toFixed(1)} kB; lazy chunks ${(lazyGzipBytes / 1000).toFixed(1)} kB gz`,
    );
  }
  for (const [name, { contents, maxGzipBytes }] of Object.entries(CONSUMER_BUDGETS)) {
    const { minBytes, gzipBytes } = await bundleSize({ contents });
    const ok = gzipBytes <= maxGzipBytes;
    failed ||= !ok;
    console.log(
      `${ok ? "ok  " : "OVER"} ${name}: ${(gzipBytes / 1000).toFixed(1)} kB gz (${gzipBytes} B; ${(minBytes / 1000).toFixed(1)} kB min), budget ${(maxGzipBytes / 1000).toFixed(1)} kB`,
    );
  }
  if (failed) {
    console.error(
      "size: an entry point is over its budget (scripts/bundle-size.ts); `npm run bench` shows what it is made of",
    );
    process.exit(1);
  }
}
