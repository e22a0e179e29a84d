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
  it("quickstart.ts (the README's main job)", async () => {
    expect(await example("quickstart.ts")).toEqual([
      "channel exampleCH +4915112345678 (ready)",
      "channel exampleCH2 +4915112345679 (ready)",
      expect.stringMatching(/^new API key for \S+: \S+…$/),
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
