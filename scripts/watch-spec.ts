import { appendFileSync, writeFileSync } from "node:fs";
import type { FetchPageOptions } from "./fetch-page.ts";
import { PROVIDERS, ROOT } from "./providers.ts";
import { DIFF_NAME } from "./spec-diff.ts";
import {
  BundleError,
  FileSnapshot,
  loadPages,
  type Page,
  PageError,
  SEMVER_RULE,
  type UpdateResult,
  updateSpec,
} from "./update-spec.ts";

export type WatchStatus = "unchanged" | "changed" | "breaking" | "failed";

export interface WatchReport {
  status: WatchStatus;
  /** The pull request's (or, when failed, the issue's) body. */
  markdown: string;
  results: UpdateResult[];
}

/**
 * What the scheduled watch runs: fetch every tracked page of every provider, refresh the fragments,
 * regenerate, and say what changed. It never throws for a vendor-side problem: a page that cannot be
 * used, or a bundle that can no longer be built (an overlay that stopped matching), is a `failed`
 * report naming the page or overlay, with every file left as it was.
 */
export async function watchSpec(options: { root?: string; fetch?: FetchPageOptions; today?: Date } = {}) {
  const root = options.root ?? ROOT;
  const loaded: Array<{ provider: (typeof PROVIDERS)[number]; pages: Page[] }> = [];
  const pageProblems: string[] = [];
  for (const provider of PROVIDERS) {
    try {
      loaded.push({ provider, pages: await loadPages({ provider, root, fetch: options.fetch }) });
    } catch (error) {
      if (!(error instanceof PageError)) throw error;
      pageProblems.push(`${provider}: ${error.message}`);
    }
  }
  if (pageProblems.length > 0) return failed("A tracked page cannot be used", pageProblems.join("\n"));

  const snapshot = new FileSnapshot();
  const results: UpdateResult[] = [];
  try {
    for (const { provider, pages } of loaded) {
      if (pages.length > 0) results.push(await updateSpec({ provider, pages, root, snapshot, today: options.today }));
    }
  } catch (error) {
    snapshot.restore();
    if (error instanceof BundleError || error instanceof PageError)
      return failed("The bundle cannot be built from the vendor's pages", error.message);
    throw error;
  }
  const changed = results.some((r) => r.changedFiles.length > 0 || r.pages.some((p) => p.status !== "unchanged"));
  const status: WatchStatus = results.some((r) => r.breaking) ? "breaking" : changed ? "changed" : "unchanged";
  return { status, markdown: render(status, results), results } satisfies WatchReport;
}

function failed(title: string, detail: string): WatchReport {
  const markdown = [
    `## Spec watch: ${title.toLowerCase()}`,
    "",
    "Nothing was written. Fix the page's tracked URL in `openapi/<provider>/sources.json`, or the overlay named below, then run `npm run update-spec`.",
    "",
    "```",
    detail,
    "```",
    "",
  ].join("\n");
  return { status: "failed", markdown, results: [] };
}

function render(status: WatchStatus, results: UpdateResult[]): string {
  const lines = [
    `## Spec watch: ${status === "breaking" ? "BREAKING changes" : status === "changed" ? "changes" : "no change"}`,
    "",
    "| provider | tracked page | status | fragments written | removed |",
    "| --- | --- | --- | --- | --- |",
  ];
  for (const r of results) {
    for (const p of r.pages)
      lines.push(
        `| ${r.provider} | [${p.source}](${p.url}) | ${p.status} | ${p.written.length} | ${p.removed.length} |`,
      );
  }
  for (const r of results) {
    lines.push("", `### ${r.provider}`, "");
    lines.push(r.changedFiles.length ? `Regenerated: ${r.changedFiles.join(", ")}` : "Generated files unchanged.");
    lines.push("", "```", r.summary, "```");
  }
  lines.push("", `The verdict comes from one diff: ${DIFF_NAME}.`, "", SEMVER_RULE, "");
  return lines.join("\n");
}

async function main(argv: string[]) {
  const i = argv.indexOf("--report");
  const reportFile = i === -1 ? undefined : argv[i + 1];
  const report = await watchSpec();
  if (reportFile) writeFileSync(reportFile, report.markdown);
  console.log(report.markdown);
  console.log(`watch-spec: ${report.status}`);
  // In a GitHub Actions step, the status drives the next steps (pull request, label, or issue).
  if (process.env.GITHUB_OUTPUT) appendFileSync(process.env.GITHUB_OUTPUT, `status=${report.status}\n`);
}

if (import.meta.main) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    const message = `watch-spec: ${error instanceof Error ? error.message : String(error)}`;
    console.error(message);
    // Whatever broke, the workflow's next step still reports it (an issue), rather than only failing.
    const i = process.argv.indexOf("--report");
    const reportFile = i === -1 ? undefined : process.argv[i + 1];
    if (reportFile) writeFileSync(reportFile, `# Spec watch failed\n\n${message}\n`);
    if (process.env.GITHUB_OUTPUT) appendFileSync(process.env.GITHUB_OUTPUT, "status=failed\n");
    process.exit(1);
  });
}
