import { spawn } from "node:child_process";
import { once } from "node:events";
import ky from "ky";
import createClient from "openapi-fetch";
import type { paths } from "../generated/360dialog.ts";
import { createDialog360Client } from "../src/360dialog/index.ts";

// Sequential typed GETs of one channel-list page on loopback: bsp-sdk vs raw fetch vs bare
// openapi-fetch vs openapi-fetch + default ky; same server (its own process), interleaved rounds,
// median per call.
export async function perCallOverhead({ rounds = 31, callsPerRound = 200 } = {}) {
  const child = spawn(process.execPath, [new URL("./page-server.ts", import.meta.url).pathname], {
    stdio: ["pipe", "pipe", "inherit"],
  });
  const [first] = (await once(child.stdout, "data")) as [Buffer];
  const base = `http://127.0.0.1:${first.toString().trim()}`;
  const path = "/api/v2/partners/examplePA/channels?offset=0&limit=10";
  const headers = { "X-API-Key": "bench-key" };

  const bare = createClient<paths>({ baseUrl: base, headers });
  const withKy = createClient<paths>({ baseUrl: base, headers, fetch: (r: Request) => ky(r) });
  const d360 = createDialog360Client({ partnerId: "examplePA", apiKey: "bench-key", baseUrl: base });
  const params = { params: { path: { partner_id: "examplePA" }, query: { offset: 0, limit: 10 } } };

  const variants: Record<string, () => Promise<unknown>> = {
    "raw fetch": async () => (await fetch(base + path, { headers })).json(),
    "openapi-fetch": async () => (await bare.GET("/api/v2/partners/{partner_id}/channels", params)).data,
    "openapi-fetch + ky": async () => (await withKy.GET("/api/v2/partners/{partner_id}/channels", params)).data,
    "bsp-sdk (channels.list page)": async () =>
      (await d360.channels.list({ pageSize: 10, maxItems: 10 }).pages().next()).value,
  };
  const samples: Record<string, number[]> = Object.fromEntries(Object.keys(variants).map((k) => [k, []]));
  for (const run of Object.values(variants)) for (let i = 0; i < 50; i++) await run(); // warm-up
  for (let round = 0; round < rounds; round++) {
    for (const [name, run] of Object.entries(variants)) {
      const started = performance.now();
      for (let i = 0; i < callsPerRound; i++) await run();
      samples[name]?.push(((performance.now() - started) * 1000) / callsPerRound);
    }
  }
  child.stdin.end();
  child.kill();
  const quantile = (xs: number[], q: number) =>
    [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) * q)] as number;
  const raw = samples["raw fetch"] ?? [];
  const baseline = quantile(raw, 0.5);
  // Each round's ratio to the raw-fetch round next to it shows how much of a difference is noise.
  const roundRatios = (xs: number[]) => xs.map((x, i) => x / (raw[i] as number));
  return Object.entries(samples).map(([name, xs]) => ({
    name,
    medianUs: quantile(xs, 0.5),
    ratio: quantile(xs, 0.5) / baseline,
    ratioP25: quantile(roundRatios(xs), 0.25),
    ratioP75: quantile(roundRatios(xs), 0.75),
  }));
}

if (import.meta.main) {
  for (const row of await perCallOverhead())
    console.log(
      `${row.name.padEnd(30)} ${row.medianUs.toFixed(1).padStart(8)} µs  ${row.ratio.toFixed(2)}×  (rounds ${row.ratioP25.toFixed(2)}–${row.ratioP75.toFixed(2)})`,
    );
}
