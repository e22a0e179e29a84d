import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { ROOT } from "./providers.ts";

/**
 * Browser entry points and their size budgets (minified + gzipped, dependencies included). The
 * budgets sit just above today's sizes so that growth fails CI. The product target for
 * bsp-sdk/360dialog is 15 kB; ky 2 alone is 9.0 kB of it (see BENCHMARKS.md).
 */
export const BUDGETS: Record<string, { entry: string; maxGzipBytes: number }> = {
  "bsp-sdk": { entry: "src/index.ts", maxGzipBytes: 1_000 },
  "bsp-sdk/360dialog": { entry: "src/360dialog/index.ts", maxGzipBytes: 20_500 },
  "bsp-sdk/bird": { entry: "src/bird/index.ts", maxGzipBytes: 17_500 },
};

/** Minified and gzipped size of one module bundled for the browser with everything it imports. */
export async function bundleSize(entryOrSource: { entry: string } | { contents: string }) {
  const result = await build({
    ...("entry" in entryOrSource
      ? { entryPoints: [`${ROOT}${entryOrSource.entry}`] }
      : { stdin: { contents: entryOrSource.contents, resolveDir: ROOT, loader: "ts" } }),
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    write: false,
    logLevel: "silent",
    metafile: true,
  });
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  return { minBytes: code.byteLength, gzipBytes: gzipSync(code, { level: 9 }).byteLength, metafile: result.metafile };
}

if (import.meta.main) {
  let failed = false;
  for (const [name, { entry, maxGzipBytes }] of Object.entries(BUDGETS)) {
    const { minBytes, gzipBytes } = await bundleSize({ entry });
    const ok = gzipBytes <= maxGzipBytes;
    failed ||= !ok;
    console.log(
      `${ok ? "ok  " : "OVER"} ${name}: ${(gzipBytes / 1000).toFixed(1)} kB gz (${(minBytes / 1000).toFixed(1)} kB min), budget ${(maxGzipBytes / 1000).toFixed(1)} kB`,
    );
  }
  if (failed) {
    console.error(
      "size: an entry point is over its budget (scripts/bundle-size.ts); `npm run bench` shows what it is made of",
    );
    process.exit(1);
  }
}
