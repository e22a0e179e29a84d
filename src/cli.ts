#!/usr/bin/env node
// The bsp-sdk command: `npx bsp-sdk mock <provider> [--port N]` and
// `npx bsp-sdk drift-report <events.jsonl> [--overlay <overlay.json>]`.
import { readFileSync, writeFileSync } from "node:fs";
import { PROVIDERS } from "./providers.ts";
import { driftReport } from "./testing/drift-report.ts";
import { startMockServer } from "./testing/start-mock-server.ts";

const USAGE = `Usage:
  bsp-sdk mock <${PROVIDERS.join("|")}> [--port <port>]
  bsp-sdk drift-report <events.jsonl> [--overlay <overlay.json>]

mock          serves the provider's bundled OpenAPI spec with Prism (an optional peer dependency:
              npm install --save-dev --save-exact @stoplight/prism-cli@5.14.2) on 127.0.0.1, as
              startMockServer does; --port 0 (the default) takes any free port. Ctrl-C stops it.
drift-report  reads drift events (one JSON object a line, as onDrift receives them), prints a Markdown
              summary to attach to an issue, and with --overlay writes OpenAPI Overlay 1.0
              suggestions for the bundled spec.`;

/** Splits `args` into positional arguments and `--name value` options; a known option without a value is an error. */
function parseArgs(
  args: readonly string[],
  options: readonly string[],
): { positional: string[]; values: Map<string, string> } | undefined {
  const positional: string[] = [];
  const values = new Map<string, string>();
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] as string;
    if (!arg.startsWith("--")) {
      positional.push(arg);
      continue;
    }
    const value = args[i + 1];
    if (!options.includes(arg) || value === undefined || values.has(arg)) return undefined;
    values.set(arg, value);
    i += 1;
  }
  return { positional, values };
}

function driftReportCommand(args: readonly string[]): number {
  const parsed = parseArgs(args, ["--overlay"]);
  if (parsed?.positional.length !== 1) {
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
  const report = driftReport(readFileSync(parsed.positional[0] as string, "utf8"), specs);
  process.stdout.write(report.markdown);
  const overlayFile = parsed.values.get("--overlay");
  if (overlayFile) writeFileSync(overlayFile, `${JSON.stringify(report.overlay, null, 2)}\n`);
  return 0;
}

async function mockCommand(args: readonly string[]): Promise<number> {
  const parsed = parseArgs(args, ["--port"]);
  const provider = parsed?.positional[0];
  const port = Number(parsed?.values.get("--port") ?? 0);
  if (parsed?.positional.length !== 1 || !PROVIDERS.includes(provider as (typeof PROVIDERS)[number])) {
    console.error(USAGE);
    return 2;
  }
  const mock = await startMockServer(provider as (typeof PROVIDERS)[number], { port });
  console.log(`Mock of the ${provider} API (Prism on its bundled spec) at ${mock.url}. Ctrl-C stops it.`);
  console.log(`Spread { baseUrl: "${mock.url}", rateLimit: false } into the client's options.`);
  const shutdown = () => void mock.close().then(() => process.exit(0));
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
  return 0;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === "--help" || rest.includes("--help")) {
    console.log(USAGE);
    return 0;
  }
  if (command === "drift-report") return driftReportCommand(rest);
  if (command === "mock") return mockCommand(rest);
  console.error(USAGE);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  },
);
