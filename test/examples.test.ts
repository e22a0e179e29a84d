import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const example = async (file: string, args: string[] = []) =>
  (await run(process.execPath, [`examples/${file}`, ...args], { timeout: 60_000 })).stdout.split("\n").filter(Boolean);

// The examples import the package by name (the build in dist/, as users get it) and run against the
// embedded mock, without credentials.
describe("examples", () => {
  const readme = readFileSync("README.md", "utf8");

  it("main-job.ts is the README's main job, text for text", () => {
    const block = /<!-- example: main-job\.ts[^>]*-->\n```ts\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(block).toBe(readFileSync("examples/main-job.ts", "utf8"));
  });

  it("main-job.ts prints what the README shows, with the vendors' example values", async () => {
    const shown = /<!-- output: main-job\.ts -->\n```text\n([\s\S]*?)```/.exec(readme)?.[1];
    const printed = await example("main-job.ts");
    expect(printed).toEqual(shown?.trim().split("\n"));
    expect(printed).toEqual([
      "exampleCH +4915112345678 ready since 2024-08-01T00:00:00Z",
      "exampleCH2 +4915112345679 ready since 2024-02-01T12:00:00Z",
      "API key for app 138219 at https://waba-v2.360dialog.io: Kx3Q…",
    ]);
  });

  it("list-channels.ts", async () => {
    expect(await example("list-channels.ts")).toEqual([
      "page at 0: 2 of 2",
      "  +4915112345678 Acme (ready)",
      "  +4915112345679 Acme (ready)",
    ]);
  });

  it("generate-api-key.ts", async () => {
    expect(await example("generate-api-key.ts")).toEqual([expect.stringMatching(/^API key for app \S+ created/)]);
  });

  it("export-clients-jsonl.ts", async () => {
    const dir = mkdtempSync(join(tmpdir(), "bsp-export-"));
    try {
      const out = join(dir, "clients.jsonl");
      expect(await example("export-clients-jsonl.ts", [out])).toEqual(["exported 2/2 clients", `wrote ${out}`]);
      const lines = readFileSync(out, "utf8")
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l));
      expect(lines.map((c) => c.id)).toEqual(["exampleCL", "exampleCL2"]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("bird-channels.ts", async () => {
    expect(await example("bird-channels.ts")).toEqual([
      "whatsapp Acme Support (active)",
      "sms-messagebird Acme Alerts (active)",
      expect.stringMatching(/^service window open until /),
    ]);
  });
});
