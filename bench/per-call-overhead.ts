import { spawn } from "node:child_process";
import { once } from "node:events";
import { join } from "node:path";
import ky from "ky";
import createClient from "openapi-fetch";
import type { paths } from "../generated/360dialog.ts";
import { ROOT } from "../scripts/providers.ts";
import { createDialog360Client } from "../src/360dialog/index.ts";

// Sequential typed GETs on loopback: bsp-sdk vs raw fetch vs bare openapi-fetch vs openapi-fetch
// with ky on every call; same server (its own process, so client and server each get a core),
// interleaved rounds, median per call, wall time and the client process's CPU time.
export async function perCallOverhead({
  rounds = 31,
  callsPerRound = 200,
  reference,
}: {
  rounds?: number;
  callsPerRound?: number;
  /** A baseline's built package (bench/base-build.ts): its typed GET is measured beside this tree's. */
  reference?: { label: string; dist: string };
} = {}) {
  const child = spawn(process.execPath, [new URL("./page-server.ts", import.meta.url).pathname], {
    stdio: ["pipe", "pipe", "inherit"],
  });
  const [first] = (await once(child.stdout, "data")) as [Buffer];
  const base = `http://127.0.0.1:${first.toString().trim()}`;
  const path = "/api/v2/partners/examplePA/channels/exampleCH/block_users";
  const headers = { "X-API-Key": "bench-key" };

  const bare = createClient<paths>({ baseUrl: base, headers });
  const withKy = createClient<paths>({ baseUrl: base, headers, fetch: (r: Request) => ky(r) });
  const d360 = createDialog360Client({ partnerId: "examplePA", apiKey: "bench-key", baseUrl: base });
  const validating = createDialog360Client({
    partnerId: "examplePA",
    apiKey: "bench-key",
    baseUrl: base,
    validateResponses: "warn",
  });
  type Client = ReturnType<typeof createDialog360Client>;
  const fromDist = async (dist: string): Promise<Client> =>
    (await import(join(dist, "src/360dialog/index.js"))).createDialog360Client({
      partnerId: "examplePA",
      apiKey: "bench-key",
      baseUrl: base,
    });
  // Built packages side by side (the baseline's and this tree's), so the A/B compares like with like.
  const distClients = reference
    ? {
        [`bsp-sdk typed GET, ${reference.label} (dist)`]: await fromDist(reference.dist),
        "bsp-sdk typed GET, this tree (dist)": await fromDist(join(ROOT, "dist")),
      }
    : {};
  const params = { params: { path: { partner_id: "examplePA", channel_id: "exampleCH" } } };
  const typedPath = "/api/v2/partners/{partner_id}/channels/{channel_id}/block_users" as const;

  const variants: Record<string, () => Promise<unknown>> = {
    "raw fetch": async () => (await fetch(base + path, { headers })).json(),
    "openapi-fetch": async () => (await bare.GET(typedPath, params)).data,
    "openapi-fetch + ky on every call": async () => (await withKy.GET(typedPath, params)).data,
    "bsp-sdk typed GET (channels.listBlockedUsers)": async () => {
      const result = await d360.channels.listBlockedUsers({ channelId: "exampleCH" });
      if (result.error) throw new Error(result.error.message);
      return result.data;
    },
    'bsp-sdk typed GET, validateResponses: "warn"': async () => {
      const result = await validating.channels.listBlockedUsers({ channelId: "exampleCH" });
      if (result.error) throw new Error(result.error.message);
      return result.data;
    },
    "bsp-sdk list page (channels.list().pages())": async () =>
      (await d360.channels.list({ pageSize: 10, maxItems: 10 }).pages().next()).value,
    ...Object.fromEntries(
      Object.entries(distClients).map(([name, client]) => [
        name,
        async () => {
          const result = await client.channels.listBlockedUsers({ channelId: "exampleCH" });
          if (result.error) throw new Error(result.error.message);
          return result.data;
        },
      ]),
    ),
  };
  const wall: Record<string, number[]> = Object.fromEntries(Object.keys(variants).map((k) => [k, []]));
  const cpu: Record<string, number[]> = Object.fromEntries(Object.keys(variants).map((k) => [k, []]));
  for (const run of Object.values(variants)) for (let i = 0; i < 100; i++) await run(); // warm-up
  for (let round = 0; round < rounds; round++) {
    for (const [name, run] of Object.entries(variants)) {
      const cpuStart = process.cpuUsage();
      const started = performance.now();
      for (let i = 0; i < callsPerRound; i++) await run();
      const elapsed = performance.now() - started;
      const used = process.cpuUsage(cpuStart);
      wall[name]?.push((elapsed * 1000) / callsPerRound);
      cpu[name]?.push((used.user + used.system) / callsPerRound);
    }
  }
  child.stdin.end();
  child.kill();
  const quantile = (xs: number[], q: number) =>
    [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) * q)] as number;
  const raw = wall["raw fetch"] ?? [];
  const rawCpu = quantile(cpu["raw fetch"] ?? [], 0.5);
  const baseline = quantile(raw, 0.5);
  // Each round's ratio to the raw-fetch round next to it shows how much of a difference is noise.
  const roundRatios = (xs: number[]) => xs.map((x, i) => x / (raw[i] as number));
  return Object.entries(wall).map(([name, xs]) => ({
    name,
    medianUs: quantile(xs, 0.5),
    extraUs: quantile(xs, 0.5) - baseline,
    cpuUs: quantile(cpu[name] ?? [], 0.5),
    extraCpuUs: quantile(cpu[name] ?? [], 0.5) - rawCpu,
    ratio: quantile(xs, 0.5) / baseline,
    ratioP25: quantile(roundRatios(xs), 0.25),
    ratioP75: quantile(roundRatios(xs), 0.75),
  }));
}

if (import.meta.main)
  for (const row of await perCallOverhead())
    console.log(
      `${row.name.padEnd(48)} ${row.medianUs.toFixed(1).padStart(8)} µs (+${row.extraUs.toFixed(1)})  cpu ${row.cpuUs.toFixed(1)} µs (+${row.extraCpuUs.toFixed(1)})  ${row.ratio.toFixed(2)}×  (rounds ${row.ratioP25.toFixed(2)}–${row.ratioP75.toFixed(2)})`,
    );
