#!/usr/bin/env node
// The bsp-sdk command: `npx bsp-sdk drift-report <events.jsonl> [--overlay <overlay.json>]`.
import { readFileSync, writeFileSync } from "node:fs";
import { PROVIDERS } from "./providers.ts";
import { driftReport } from "./testing/drift-report.ts";

const USAGE = `Usage: bsp-sdk drift-report <events.jsonl> [--overlay <overlay.json>]

Reads drift events (one JSON object a line, as onDrift receives them), prints a Markdown summary to
attach to an issue, and with --overlay writes OpenAPI Overlay 1.0 suggestions for the bundled spec.`;

function main(argv: string[]): number {
  const [command, ...rest] = argv;
  if (command !== "drift-report" || rest.includes("--help")) {
    (command === undefined || rest.includes("--help") || command === "--help" ? console.log : console.error)(USAGE);
    return command === "drift-report" || command === "--help" || command === undefined ? 0 : 2;
  }
  const overlayAt = rest.indexOf("--overlay");
  const overlayFile = overlayAt === -1 ? undefined : rest[overlayAt + 1];
  const files = rest.filter((_, i) => i !== overlayAt && i !== overlayAt + 1);
  if (files.length !== 1 || (overlayAt !== -1 && !overlayFile)) {
    console.error(USAGE);
    return 2;
  }
  const specs = PROVIDERS.map(
    (p) =>
      JSON.parse(readFileSync(new URL(`../openapi/dist/${p}.json`, import.meta.url), "utf8")) as Record<
        string,
        unknown
      >,
  );
  const report = driftReport(readFileSync(files[0] as string, "utf8"), specs);
  process.stdout.write(report.markdown);
  if (overlayFile) writeFileSync(overlayFile, `${JSON.stringify(report.overlay, null, 2)}\n`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
