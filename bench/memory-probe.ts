import { createDialog360Client } from "../src/360dialog/index.ts";

// Child process of bench/memory.ts (run with --expose-gc): iterates the list at argv[2] either
// streaming or with toArray, and prints the largest retained heap growth seen (after a GC every 10
// pages) as JSON.
const [url, mode] = process.argv.slice(2);
const gc = (globalThis as { gc?: () => void }).gc;
if (!url || !gc) throw new Error("usage: node --expose-gc bench/memory-probe.ts <url> <stream|toArray>");
const d360 = createDialog360Client({ partnerId: "examplePA", apiKey: "bench-key", baseUrl: url });
gc();
const baseline = process.memoryUsage().heapUsed;
let peak = 0;
let pages = 0;
const sample = () => {
  gc();
  peak = Math.max(peak, process.memoryUsage().heapUsed - baseline);
};
let items = 0;
if (mode === "stream") {
  for await (const page of d360.channels.list({ pageSize: 1000 }).pages()) {
    items += page.items.length;
    if (++pages % 10 === 0) sample();
  }
  sample();
} else {
  const all = await d360.channels.list({ pageSize: 1000 }).toArray({ max: 1_000_000 });
  sample();
  // Read after sampling, so the array is still alive when the heap is measured.
  items = all.length;
}
console.log(JSON.stringify({ mode, items, peakGrowthBytes: peak }));
