import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);

describe("README examples", () => {
  it("runs against the embedded mock without credentials", async () => {
    const { stdout } = await run(process.execPath, ["examples/quickstart.ts"], { timeout: 60_000 });
    expect(stdout.split("\n").filter(Boolean)).toEqual([
      "channel exampleCH +4915112345678 (ready)",
      "channel exampleCH2 +4915112345679 (ready)",
      expect.stringMatching(/^new API key for \S+: \S+…$/),
    ]);
  });

  it("Bird: runs against the embedded mock without credentials", async () => {
    const { stdout } = await run(process.execPath, ["examples/bird-channels.ts"], { timeout: 60_000 });
    expect(stdout.split("\n").filter(Boolean)).toEqual([
      "whatsapp Acme Support (active)",
      "sms-messagebird Acme Alerts (active)",
      expect.stringMatching(/^service window open until /),
    ]);
  });
});
