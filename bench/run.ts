import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { BUDGETS, bundleSize, CONSUMER_BUDGETS } from "../scripts/bundle-size.ts";
import { bundleSpec } from "../scripts/bundle-spec.ts";
import { generateTypes } from "../scripts/generate.ts";
import { PROVIDERS, ROOT } from "../scripts/providers.ts";
import { buildBase } from "./base-build.ts";
import { coldStart } from "./cold-start.ts";
import { coldStartCall } from "./cold-start-call.ts";
import { loadSockets } from "./load-sockets.ts";
import { memoryUse } from "./memory.ts";
import { PACING_BASE, pacingUtilisation } from "./pacing-utilisation.ts";
import { paginationThroughput } from "./pagination-throughput.ts";
import { perCallOverhead } from "./per-call-overhead.ts";
import { redisLatency } from "./redis-latency.ts";
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

// The baseline of the A/B figures (per call and bundle size): the commit before the core's rooms.
const CORE_BASE = process.env.BENCH_CORE_BASE ?? "7a83b95";
const coreBase = buildBase(CORE_BASE);
const overhead = await perCallOverhead({ reference: { label: `base ${CORE_BASE}`, dist: coreBase.dist } });
section("1. Per-call overhead", [
  "Sequential GETs from a node:http server in its own process on loopback; 31 interleaved rounds of 200 calls each, median per call: wall µs, and the client process's CPU µs (user + system, `process.cpuUsage`). The extra columns are over raw `fetch` in the same rounds; the last column is the interquartile range of each round's ratio to the raw-fetch round beside it (differences inside it are noise). bsp-sdk runs with its defaults: retries (limit 2), per-attempt and total timeouts, the 10 MiB body cap, redirect guard, auth, and the top-level type check of the body.",
  "",
  ...table(
    ["client", "µs / call", "× raw fetch", "extra µs", "CPU µs / call", "extra CPU µs", "per-round ratio p25–p75"],
    overhead.map((r) => [
      r.name,
      r.medianUs.toFixed(1),
      r.ratio.toFixed(2),
      r.extraUs.toFixed(1),
      r.cpuUs.toFixed(1),
      r.extraCpuUs.toFixed(1),
      `${r.ratioP25.toFixed(2)}–${r.ratioP75.toFixed(2)}`,
    ]),
  ),
]);

const load = [await loadSockets({ mode: "raw fetch" }), await loadSockets({ mode: "bsp-sdk" })];
section("1b. Sockets and heap under failures", [
  "2 × 10,000 GETs, 16 at a time, against a server (its own process) that resets 2.5% of connections and answers 2.5% with 503; bsp-sdk retries (limit 2). Then, with the client still running, the server's open connections (`server.getConnections`) and the client's referenced TCP sockets; heap after each batch of 10,000 (GC forced, `--expose-gc`). Raw fetch is the baseline: no retries, so its failures show.",
  "",
  ...table(
    [
      "client",
      "outcomes",
      "server connections after",
      "client sockets after",
      "heap after batch 1",
      "heap after batch 2",
    ],
    load.map((r) => [
      r.mode,
      Object.entries(r.outcomes)
        .map(([k, v]) => `${k}: ${v}`)
        .join(", "),
      r.serverConnections,
      r.clientSockets,
      `${(r.heapAfterFirst / 1e6).toFixed(1)} MB`,
      `${(r.heapAfterSecond / 1e6).toFixed(1)} MB`,
    ]),
  ),
]);

const redis = await redisLatency();
section("1c. Shared budgets through Redis", [
  "Sequential balance calls (a paced operation; the budget raised so nothing waits) with pacing off, the in-memory store and the Redis store (`bsp-sdk/redis`, ioredis, redis-server on loopback); median µs per call over 15 rounds of 100. The extra column is what the store's round trip adds.",
  "",
  ...(redis
    ? table(
        ["pacing", "µs / call", "extra µs"],
        redis.map((r) => [r.name, r.medianUs.toFixed(1), r.extraUs.toFixed(1)]),
      )
    : ["(skipped: no redis-server on this machine)"]),
]);

const pacing = await pacingUtilisation();
section("1d. Pacing against a strict server", [
  `Budget utilisation: 60 concurrent \`clients.getBalance\` calls for one partner (5 per 30 s), windows scaled down 50× (600 ms), against a node:http server that counts like a real limiter (strictly, at each request's arrival; 429 with Retry-After over budget), with 0–30 ms of one-way latency drawn per request on each leg (same seed for every row); no retries. Utilisation = ((successes − 5) / 5) / ((last success's arrival − first's) / window): 1.0 is the physical limit. The base commit (${PACING_BASE}, built in a git worktree) stamps a slot when it is granted; this tree holds it until its request ends and counts from that end.`,
  "",
  ...table(
    ["code", "store", "utilisation", "server 429s", "failed calls", "succeeded"],
    pacing.map((r) => [r.code, r.store, r.utilisation.toFixed(2), r.refused, r.failed, r.successes]),
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
const coldCall = await coldStartCall();
section("4. Cold start", [
  "A fresh Node process that imports `bsp-sdk/360dialog` from the built package (dist/) and makes one typed call, against a fresh process making the same request with raw `fetch` (both pay for loading Node's fetch); time from the process's first line to the parsed answer, median of 11 interleaved runs.",
  "",
  ...table(
    ["process", "ms (median)", "extra ms over raw fetch"],
    coldCall.map((r) => [r.name, r.medianMs.toFixed(1), r.extraMs.toFixed(1)]),
  ),
  "",
  "Import alone (each entry point built as shipped, dependencies external), median of 9 runs:",
  "",
  ...table(
    ["module", "ms (median)", "× openapi-fetch"],
    cold.map((r) => [r.name, r.medianMs.toFixed(1), r.ratio.toFixed(1)]),
  ),
]);

const sizes: (string | number)[][] = [];
// The baseline's own size script, run in its worktree: the same measure of its sources.
const baseSizeReport = spawnSync(process.execPath, [`${coreBase.dir}/scripts/bundle-size.ts`], {
  cwd: coreBase.dir,
  encoding: "utf8",
}).stdout;
const baseGzip = (name: string) => {
  const line = baseSizeReport.split("\n").find((l) => l.includes(` ${name}: initial chunk `));
  return Number(/\((\d+) B;/.exec(line ?? "")?.[1]);
};
const sizeAB: (string | number)[][] = [];
for (const [name, { entry, maxGzipBytes }] of Object.entries(BUDGETS)) {
  const s = await bundleSize({ entry });
  sizes.push([name, kb(s.minBytes), kb(s.gzipBytes), kb(maxGzipBytes), kb(s.lazyGzipBytes)]);
  const b = baseGzip(name);
  sizeAB.push([name, b, s.gzipBytes, `${(((s.gzipBytes - b) / b) * 100).toFixed(2)}%`]);
}
// An app that imports one half of a provider (tree-shaken): the client alone is what the base's whole
// entry was (it had no webhook half).
for (const [name, { contents, maxGzipBytes }] of Object.entries(CONSUMER_BUDGETS)) {
  const s = await bundleSize({ contents });
  sizes.push([name, kb(s.minBytes), kb(s.gzipBytes), kb(maxGzipBytes), "–"]);
  const entry = name.startsWith("360dialog: create")
    ? "bsp-sdk/360dialog"
    : name.startsWith("bird: create")
      ? "bsp-sdk/bird"
      : "";
  if (entry) {
    const b = baseGzip(entry);
    sizeAB.push([`${name} (base: ${entry})`, b, s.gzipBytes, `${(((s.gzipBytes - b) / b) * 100).toFixed(2)}%`]);
  }
}
coreBase.remove();
{
  // What validateResponses loads on first use: the drift checker and the provider's response shapes.
  const s = await bundleSize({
    contents: `export * from "./src/core/features/drift.ts"; export { responses } from "./generated/360dialog-responses.ts";`,
  });
  sizes.push(["validateResponses chunk (360dialog, loaded only when on)", kb(s.minBytes), kb(s.gzipBytes), "–", "–"]);
}
for (const dep of ["openapi-fetch", "ky"]) {
  const s = await bundleSize({ contents: `export * from "${dep}"; export { default } from "${dep}";` });
  sizes.push([`${dep} alone`, kb(s.minBytes), kb(s.gzipBytes), "–", "–"]);
}
section("5. Bundle size", [
  "Each entry point bundled for the browser as an app's bundler ships it: esbuild `--bundle --minify --splitting --format=esm`, gzip level 9. The initial chunk is what a page loads up front; lazy chunks load on first use (ky and the retry policy on the first retry; the error factory on the first failure; token auth with credentials; the page machinery on the first list; per-call option checks; the escape hatch's routing; log lines). The budget column is enforced by `npm run size` in `npm test`.",
  "",
  ...table(["entry", "initial minified", "initial gzipped", "budget (gz)", "lazy chunks (gz)"], sizes),
  "",
  `Initial chunk against the baseline (${CORE_BASE}, built in a git worktree, measured by its own size script in this run), gzipped bytes. The whole provider entries now carry the webhook half too (the baseline had none); an app that only calls the API pays the "client only" rows:`,
  "",
  ...table(["entry", `base ${CORE_BASE}`, "this tree", "change"], sizeAB),
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
  `Command: \`npm run bench\` (builds dist/, then bench/run.ts). Node ${process.version}, ${cpus()[0]?.model ?? "unknown CPU"} × ${cpus().length}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ${new Date().toISOString().slice(0, 10)}. Whole run: ${((performance.now() - started) / 1000).toFixed(0)} s.`,
  "",
];
writeFileSync(`${ROOT}BENCHMARKS.md`, `${[...header, ...out].join("\n").trimEnd()}\n`);
console.log(`\nwrote BENCHMARKS.md in ${((performance.now() - started) / 1000).toFixed(0)} s`);
