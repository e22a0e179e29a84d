import { mkdirSync } from "node:fs";
import { Extractor, ExtractorConfig } from "@microsoft/api-extractor";
import { ROOT } from "./providers.ts";

/**
 * The public API report: API Extractor reads each entry point's declarations (dist/, from the build) and
 * writes what a consumer compiles against to api/<entry>.api.md. The reports are committed, so a
 * regeneration or a change that alters the public surface shows up in review; `--check` (in `npm test`)
 * fails when a report is out of date. Update them with `npm run api-report`.
 */
const ENTRIES = {
  "bsp-sdk": "dist/src/index.d.ts",
  "bsp-sdk-360dialog": "dist/src/360dialog/index.d.ts",
  "bsp-sdk-bird": "dist/src/bird/index.d.ts",
  "bsp-sdk-testing": "dist/src/testing/index.d.ts",
  "bsp-sdk-redis": "dist/src/redis/index.d.ts",
} as const;

export function apiReport(check: boolean): { changed: string[]; problems: string[] } {
  mkdirSync(`${ROOT}api`, { recursive: true });
  const changed: string[] = [];
  const problems: string[] = [];
  for (const [name, entry] of Object.entries(ENTRIES)) {
    const config = ExtractorConfig.prepare({
      configObject: {
        projectFolder: ROOT,
        mainEntryPointFilePath: `<projectFolder>/${entry}`,
        compiler: { tsconfigFilePath: "<projectFolder>/tsconfig.json" },
        apiReport: {
          enabled: true,
          reportFileName: `${name}.api.md`,
          reportFolder: "<projectFolder>/api/",
          reportTempFolder: "<projectFolder>/node_modules/.cache/api-report/",
        },
        docModel: { enabled: false },
        dtsRollup: { enabled: false },
        tsdocMetadata: { enabled: false },
        messages: {
          // The report is the product; missing release tags and TSDoc style are not what it checks.
          extractorMessageReporting: {
            default: { logLevel: "none" as never },
            "ae-missing-release-tag": { logLevel: "none" as never },
            "ae-forgotten-export": { logLevel: "none" as never, addToApiReportFile: false },
          },
          tsdocMessageReporting: { default: { logLevel: "none" as never } },
          compilerMessageReporting: { default: { logLevel: "warning" as never } },
        },
      },
      configObjectFullPath: `${ROOT}api-extractor.json`,
      packageJsonFullPath: `${ROOT}package.json`,
    });
    const result = Extractor.invoke(config, {
      localBuild: !check,
      showVerboseMessages: false,
      messageCallback: (message) => {
        const reportNotice = String(message.messageId).startsWith("console-");
        if (!reportNotice && (message.logLevel === "warning" || message.logLevel === "error")) {
          problems.push(`${name}: ${message.text}`);
        }
        message.handled = true;
      },
    });
    if (result.apiReportChanged) changed.push(`api/${name}.api.md`);
  }
  return { changed, problems };
}

if (import.meta.main) {
  const check = process.argv.includes("--check");
  const { changed, problems } = apiReport(check);
  for (const p of problems) console.error(`api-report: ${p}`);
  if (check && changed.length > 0) {
    console.error(
      `api-report: the public API changed: ${changed.join(", ")}. Review the change (DEVELOPMENT.md, "Public API report"), then run \`npm run api-report\` and commit the reports.`,
    );
    process.exit(1);
  }
  if (problems.length > 0) process.exit(1);
  console.log(
    check
      ? "api-report: the public API matches api/*.api.md"
      : `api-report: ${changed.length ? `updated ${changed.join(", ")}` : "reports up to date"}`,
  );
}
