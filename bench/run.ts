import { writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { BUDGETS, bundleSize } from "../scripts/bundle-size.ts";
import { bundleSpec } from "../scripts/bundle-spec.ts";
import { generateTypes } from "../scripts/generate.ts";
import { PROVIDERS, ROOT } from "../scripts/providers.ts";
import { coldStart } from "./cold-start.ts";
import { memoryUse } from "./memory.ts";
import { paginationThroughput } from "./pagination-throughput.ts";
import { perCallOverhead } from "./per-call-overhead.ts";
import { typeCheckCost } from "./type-check-cost.ts";

// `npm run bench`: every figure below is measured in this run, on this machine, against servers on
// 127.0.0.1; ratios compare against a baseline measured in the same run. Writes BENCHMARKS.md.
const started = performance.now();
const out: string[] = [];
const section = (title: string, lines: string[]) => {
  out.push(`## ${title}`, "", ...lines, "");
  console.log(`\n## ${title}\n${lines.join("\n")}`);
};
const table = (head: string[], rows: (string | number)[][]) => [
  `| ${head.join(" | ")} |`,
  `| ${head.map(() => "---").join(" | ")} |`,
  ...rows.map((r) => `| ${r.join(" | ")} |`),
];
const kb = (b: number) => `${(b / 1000).toFixed(1)} kB`;

const overhead = await perCallOverhead();
section("1. Per-call overhead", [
  "Sequential typed GETs of one channel-list page (10 channels) from a node:http server in its own process on loopback; 31 interleaved rounds of 200 calls each, median µs per call. The last column is the interquartile range of each round's ratio to the raw-fetch round beside it: differences inside it are noise. bsp-sdk runs with its defaults: retries (limit 2), per-attempt and total timeouts, redirect guard, auth.",
  "",
  ...table(
    ["client", "µs / call (median)", "× raw fetch", "per-round ratio p25–p75"],
    overhead.map((r) => [
      r.name,
      r.medianUs.toFixed(1),
      r.ratio.toFixed(2),
      `${r.ratioP25.toFixed(2)}–${r.ratioP75.toFixed(2)}`,
    ]),
  ),
]);

const pagination = await paginationThroughput();
section("2. Pagination throughput", [
  "10,000 channels, pageSize 100, 20 ms server latency. Ideal = (1 + ⌈(pages − 1) / concurrency⌉) × latency: the first page is alone because it tells the total.",
  "",
  ...table(
    ["concurrency", "wall ms", "requests", "ideal ms", "× ideal"],
    pagination.map((r) => [r.concurrency, r.wallMs.toFixed(0), r.requests, r.idealMs, r.ratio.toFixed(2)]),
  ),
]);

const memory = await memoryUse();
section("3. Memory", [
  "Largest retained heap growth over the process's baseline (GC forced every 10 pages), pageSize 1000, each run in a fresh process.",
  "",
  ...table(
    ["items", "mode", "peak retained growth"],
    memory.map((r) => [r.count.toLocaleString("en"), r.mode, `${(r.peakGrowthBytes / 1e6).toFixed(1)} MB`]),
  ),
]);

const cold = await coldStart();
section("4. Cold start", [
  "Median time to `import()` each entry point in a fresh Node process (9 runs), built as shipped (ESM, dependencies external).",
  "",
  ...table(
    ["module", "ms (median)", "× openapi-fetch"],
    cold.map((r) => [r.name, r.medianMs.toFixed(1), r.ratio.toFixed(1)]),
  ),
]);

const sizes: (string | number)[][] = [];
for (const [name, { entry, maxGzipBytes }] of Object.entries(BUDGETS)) {
  const s = await bundleSize({ entry });
  sizes.push([name, kb(s.minBytes), kb(s.gzipBytes), kb(maxGzipBytes)]);
}
for (const dep of ["openapi-fetch", "ky"]) {
  const s = await bundleSize({ contents: `export * from "${dep}"; export { default } from "${dep}";` });
  sizes.push([`${dep} alone`, kb(s.minBytes), kb(s.gzipBytes), "–"]);
}
section("5. Bundle size", [
  "Each entry point bundled for the browser with its dependencies (esbuild, minified, ESM), gzip level 9. The budget column is enforced by `npm run size` in `npm test`.",
  "",
  ...table(["entry", "minified", "gzipped", "budget (gz)"], sizes),
]);

const types = await typeCheckCost();
section("6. Type-check cost", [
  "`tsc --noEmit --extendedDiagnostics` on a consumer file making 30 typed calls (filters, sort, error narrowing) vs the same file with no calls.",
  "",
  ...table(
    ["file", "check time s", "total time s", "instantiations"],
    [
      ["baseline (client, no calls)", types.baseline.checkS, types.baseline.totalS, types.baseline.instantiations],
      ["30 typed calls", types.withCalls.checkS, types.withCalls.totalS, types.withCalls.instantiations],
      [
        "ratio",
        (types.withCalls.checkS / types.baseline.checkS).toFixed(2),
        (types.withCalls.totalS / types.baseline.totalS).toFixed(2),
        (types.withCalls.instantiations / types.baseline.instantiations).toFixed(3),
      ],
    ],
  ),
]);

const gen: (string | number)[][] = [];
for (const provider of PROVIDERS) {
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    const { text } = await bundleSpec(provider);
    await generateTypes(provider, text);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  gen.push([provider, (times[1] as number).toFixed(0)]);
}
section("7. Generation", [
  "`bundle-spec` + `generate` in one process (median of 3, after the first run warmed the modules).",
  "",
  ...table(["provider", "ms"], gen),
]);

const header = [
  "# Benchmarks",
  "",
  `Command: \`npm run bench\` (bench/run.ts). Node ${process.version}, ${cpus()[0]?.model ?? "unknown CPU"} × ${cpus().length}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ${new Date().toISOString().slice(0, 10)}. Whole run: ${((performance.now() - started) / 1000).toFixed(0)} s.`,
  "",
];
writeFileSync(`${ROOT}BENCHMARKS.md`, `${[...header, ...out].join("\n").trimEnd()}\n`);
console.log(`\nwrote BENCHMARKS.md in ${((performance.now() - started) / 1000).toFixed(0)} s`);
