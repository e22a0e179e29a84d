import { execFile } from "node:child_process";
import { mkdirSync } from "node:fs";
import { promisify } from "node:util";
import { build } from "esbuild";
import { ROOT } from "../scripts/providers.ts";

const run = promisify(execFile);

/**
 * Time to import each entry point in a fresh process (median of `runs`), from JavaScript built the way
 * a package ships it (esbuild, ESM, dependencies external), against importing openapi-fetch alone.
 */
export async function coldStart({ runs = 9 } = {}) {
  const out = `${ROOT}bench/.tmp/cold-start`;
  mkdirSync(out, { recursive: true });
  const entries: Record<string, string> = {
    "bsp-sdk": "src/index.ts",
    "bsp-sdk/360dialog": "src/360dialog/index.ts",
    "bsp-sdk/bird": "src/bird/index.ts",
  };
  const targets: Record<string, string> = { "openapi-fetch": "openapi-fetch", ky: "ky" };
  for (const [name, entry] of Object.entries(entries)) {
    const file = `${out}/${name.replace("/", "-")}.mjs`;
    await build({
      entryPoints: [`${ROOT}${entry}`],
      bundle: true,
      format: "esm",
      platform: "node",
      packages: "external",
      outfile: file,
      logLevel: "silent",
    });
    targets[name] = file;
  }
  const rows = [];
  for (const [name, specifier] of Object.entries(targets)) {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const script = `const t = performance.now(); await import(${JSON.stringify(specifier)}); console.log(performance.now() - t);`;
      const { stdout } = await run(process.execPath, ["--input-type=module", "-e", script], { cwd: ROOT });
      times.push(Number(stdout.trim()));
    }
    times.sort((a, b) => a - b);
    rows.push({ name, medianMs: times[Math.floor(times.length / 2)] as number });
  }
  const base = rows.find((r) => r.name === "openapi-fetch")?.medianMs ?? 1;
  return rows.map((r) => ({ ...r, ratio: r.medianMs / base }));
}

if (import.meta.main) console.table(await coldStart());
