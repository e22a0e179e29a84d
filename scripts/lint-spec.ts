import { createConfig, formatProblems, lintFromString } from "@redocly/openapi-core";

/**
 * Redocly's `recommended` rules, all as errors, except the licence rules: the vendors publish no licence
 * in their API descriptions and we do not invent one.
 */
const RULE_OVERRIDES = {
  "info-license": "off",
  "info-license-url": "off",
} as const;

/** Lints a bundled document with Redocly's `recommended` rules; returns the problems as readable text. */
export async function lintSpec(
  text: string,
  name: string,
): Promise<{ errors: number; warnings: number; report: string }> {
  const config = await createConfig({ extends: ["recommended"], rules: RULE_OVERRIDES });
  const problems = await lintFromString({ source: text, absoluteRef: name, config });
  const errors = problems.filter((p) => p.severity === "error").length;
  const warnings = problems.length - errors;
  let report = "";
  if (problems.length > 0) {
    const original = process.stderr.write.bind(process.stderr);
    // formatProblems prints; capture it so callers decide where the report goes.
    process.stderr.write = ((chunk: string | Uint8Array) => {
      report += chunk.toString();
      return true;
    }) as typeof process.stderr.write;
    try {
      formatProblems(problems, { format: "stylish", totals: { errors, warnings, ignored: 0 }, version: "bsp-sdk" });
    } finally {
      process.stderr.write = original;
    }
  }
  return { errors, warnings, report };
}
