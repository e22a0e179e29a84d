import { execFile, spawn } from "node:child_process";
import { once } from "node:events";
import { existsSync } from "node:fs";
import { promisify } from "node:util";
import { ROOT } from "../scripts/providers.ts";

const run = promisify(execFile);

/**
 * Cold start of the main job: a fresh Node process that imports `bsp-sdk/360dialog` (the built
 * package, dist/) and makes one typed call, against a fresh process making the same request with raw
 * `fetch`. Median of `runs` interleaved runs; the time is measured inside the process, from its first
 * line to the parsed answer.
 */
export async function coldStartCall({ runs = 11 } = {}) {
  if (!existsSync(`${ROOT}dist/src/360dialog/index.js`)) throw new Error("run `npm run build` first");
  const server = spawn(process.execPath, [new URL("./page-server.ts", import.meta.url).pathname], {
    stdio: ["pipe", "pipe", "inherit"],
  });
  const [first] = (await once(server.stdout, "data")) as [Buffer];
  const base = `http://127.0.0.1:${first.toString().trim()}`;
  const scripts: Record<string, string> = {
    "raw fetch": `const t = performance.now();
const r = await fetch(${JSON.stringify(`${base}/api/v2/partners/examplePA/channels/exampleCH/block_users`)}, { headers: { "X-API-Key": "k" } });
await r.json();
console.log(performance.now() - t);`,
    "bsp-sdk/360dialog": `const t = performance.now();
const { createDialog360Client } = await import(${JSON.stringify(`${ROOT}dist/src/360dialog/index.js`)});
const d360 = createDialog360Client({ partnerId: "examplePA", apiKey: "k", baseUrl: ${JSON.stringify(base)} });
const result = await d360.channels.listBlockedUsers({ channelId: "exampleCH" });
if (result.error) throw new Error(result.error.message);
console.log(performance.now() - t);`,
  };
  const times: Record<string, number[]> = { "raw fetch": [], "bsp-sdk/360dialog": [] };
  for (let i = 0; i < runs; i++) {
    for (const [name, script] of Object.entries(scripts)) {
      const { stdout } = await run(process.execPath, ["--input-type=module", "-e", script], { cwd: ROOT });
      times[name]?.push(Number(stdout.trim()));
    }
  }
  server.stdin.end();
  server.kill();
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
  const raw = median(times["raw fetch"] ?? []);
  return Object.entries(times).map(([name, xs]) => ({ name, medianMs: median(xs), extraMs: median(xs) - raw }));
}

if (import.meta.main) console.table(await coldStartCall());
