import { execFile } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT } from "../../scripts/providers.ts";

const run = promisify(execFile);
const npm = (args: string[], cwd: string) =>
  run(process.platform === "win32" ? "npm.cmd" : "npm", args, {
    cwd,
    maxBuffer: 1 << 24,
    env: { ...process.env, npm_config_fund: "false", npm_config_audit: "false" },
  });

// The package as users get it: npm pack, install the tarball into a fresh app outside this
// repository, typecheck a consumer under TypeScript 5 and 7, and run it against the packaged mock.
describe("packed tarball in a fresh app", () => {
  const app = mkdtempSync(join(tmpdir(), "bsp-consumer-"));
  afterAll(() => rmSync(app, { recursive: true, force: true }));
  const versions = JSON.parse(readFileSync(`${ROOT}package.json`, "utf8")).devDependencies as Record<string, string>;
  let tarball = "";

  it("packs only what users need", async () => {
    const { stdout } = await npm(["pack", "--json", "--ignore-scripts", "--pack-destination", app], ROOT);
    const [info] = JSON.parse(stdout) as [
      { filename: string; size: number; entryCount: number; files: { path: string }[] },
    ];
    tarball = join(app, info.filename);
    const paths = info.files.map((f) => f.path);
    expect(paths).toContain("dist/src/360dialog/index.js");
    expect(paths).toContain("dist/src/360dialog/index.d.ts");
    expect(paths).toContain("dist/openapi/dist/360dialog.json");
    expect(paths.filter((p) => /^(src|test|scripts|openapi\/360dialog|bench)\//.test(p))).toEqual([]);
    // The README ships in the package: every file it names is one the package contains.
    const text = readFileSync(`${ROOT}README.md`, "utf8");
    const readme = text.replace(/https?:\/\/[^\s)]+/g, "");
    const named = [
      ...text.matchAll(/\]\((?!#|https?:)([^)\s]+)\)/g),
      ...readme.matchAll(
        /(?<![\w@/-])((?:\.[\w-]+\/|[\w-]+\/)+[\w.-]*\.(?:ts|js|md|ya?ml|json|txt)|[A-Z]+\.md|\.ci\/\w+)\b/g,
      ),
    ].map((m) => m[1] as string);
    expect(named.length).toBeGreaterThan(0);
    expect(named.filter((file) => !paths.includes(file.replace(/^\.\//, "")))).toEqual([]);
    console.log(`tarball: ${info.filename}, ${info.size} bytes packed, ${info.entryCount} files`);
  });

  it("installs into a fresh app with its dependencies", async () => {
    writeFileSync(join(app, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }));
    copyFileSync(new URL("./consumer-app/consumer.ts", import.meta.url), join(app, "consumer.ts"));
    copyFileSync(new URL("./consumer-app/tsconfig.json", import.meta.url), join(app, "tsconfig.json"));
    await npm(
      [
        "install",
        "--prefer-offline",
        "--no-package-lock",
        tarball,
        `typescript@${versions.typescript}`,
        `typescript7@${versions.typescript7}`,
        `@types/node@${versions["@types/node"]}`,
      ],
      app,
    );
  });

  it("says how to install Prism when the optional peer dependency is missing", async () => {
    const script = `import { startMockServer } from "bsp-sdk/testing"; await startMockServer("360dialog").catch((e) => console.log(e.message));`;
    const { stdout } = await run(process.execPath, ["--input-type=module", "-e", script], { cwd: app });
    expect(stdout).toContain(
      "startMockServer needs Prism, an optional peer dependency of bsp-sdk: npm install --save-dev --save-exact @stoplight/prism-cli@",
    );
    await npm(
      ["install", "--prefer-offline", "--no-package-lock", `@stoplight/prism-cli@${versions["@stoplight/prism-cli"]}`],
      app,
    );
  });

  it.each([
    ["TypeScript 5", "node_modules/typescript/bin/tsc"],
    ["TypeScript 7", "node_modules/typescript7/bin/tsc"],
  ])("typechecks the consumer under %s", async (_name, tsc) => {
    const { stdout } = await run(process.execPath, [join(app, tsc), "--version"]);
    expect(stdout).toMatch(_name === "TypeScript 5" ? /Version 5\./ : /Version 7\./);
    await run(process.execPath, [join(app, tsc), "-p", join(app, "tsconfig.json")], { cwd: app });
  });

  it("runs the consumer against the packaged mock", async () => {
    const { stdout } = await run(process.execPath, [join(app, "consumer.ts")], { cwd: app, timeout: 90_000 });
    expect(JSON.parse(stdout.trim().split("\n").at(-1) ?? "")).toEqual({
      channels: 2,
      key: "ok",
      clients: 2,
      bird: 2,
      thrown: "network",
    });
  });

  // The README's runnable examples, taken from the README itself (each block follows an
  // `<!-- example: NAME -->` line), run from the tarball as a reader would run them.
  const readme = readFileSync(`${ROOT}README.md`, "utf8");
  const examples = Object.fromEntries(
    [...readme.matchAll(/<!-- example: (\S+)[^>]*-->\n *```ts\n([\s\S]*?)```/g)].map((m) => [
      m[1],
      m[2]?.replace(/^ {2}/gm, ""),
    ]),
  ) as Record<string, string>;

  it("finds the README's examples", () => {
    expect(Object.keys(examples).sort()).toEqual([
      "bird.ts",
      "custom-store.ts",
      "fixture.test.ts",
      "main-job.ts",
      "otel.ts",
    ]);
  });

  it("typechecks and runs the README's main job and Bird example", async () => {
    writeFileSync(join(app, "main-job.ts"), examples["main-job.ts"] ?? "");
    writeFileSync(join(app, "bird.ts"), examples["bird.ts"] ?? "");
    const tsconfig = JSON.parse(readFileSync(join(app, "tsconfig.json"), "utf8"));
    writeFileSync(
      join(app, "tsconfig.readme.json"),
      JSON.stringify({
        ...tsconfig,
        files: ["main-job.ts", "bird.ts", "fixture-a.test.ts", "otel.ts", "custom-store.ts"],
      }),
    );
    const main = await run(process.execPath, [join(app, "main-job.ts")], { cwd: app, timeout: 90_000 });
    expect(main.stdout.trim().split("\n")).toEqual([
      "exampleCH +4915112345678 ready since 2024-08-01T00:00:00Z",
      "exampleCH2 +4915112345679 ready since 2024-02-01T12:00:00Z",
      "API key for app 138219 at https://waba-v2.360dialog.io: Kx3Q…",
    ]);
    const bird = await run(process.execPath, [join(app, "bird.ts")], { cwd: app, timeout: 90_000 });
    expect(bird.stdout).toMatch(/service window open until/);
    expect(bird.stdout.trim().split("\n").length).toBeGreaterThanOrEqual(2);
  });

  it("runs the README's vitest fixture in two parallel workers, each with its own mock", async () => {
    const fixture = examples["fixture.test.ts"] ?? "";
    for (const name of ["fixture-a.test.ts", "fixture-b.test.ts"]) writeFileSync(join(app, name), fixture);
    writeFileSync(
      join(app, "vitest.config.mjs"),
      "export default { test: { include: ['fixture-*.test.ts'], pool: 'forks', maxWorkers: 2, fileParallelism: true } };\n",
    );
    // The OpenTelemetry example is typechecked, not run (it would need a tracer provider).
    writeFileSync(join(app, "otel.ts"), examples["otel.ts"] ?? "");
    // So is the custom rate-limit store (it would need a clock to wait on to be run quickly).
    writeFileSync(join(app, "custom-store.ts"), examples["custom-store.ts"] ?? "");
    await npm(
      [
        "install",
        "--prefer-offline",
        "--no-package-lock",
        `vitest@${versions.vitest}`,
        `@opentelemetry/api@${versions["@opentelemetry/api"]}`,
      ],
      app,
    );
    await run(process.execPath, [join(app, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.readme.json"], {
      cwd: app,
    });
    await run(
      process.execPath,
      [join(app, "node_modules/vitest/vitest.mjs"), "run", "--reporter=json", "--outputFile=report.json"],
      { cwd: app, timeout: 120_000, maxBuffer: 1 << 24, env: { ...process.env, CI: "true" } },
    );
    const report = JSON.parse(readFileSync(join(app, "report.json"), "utf8")) as {
      numPassedTests: number;
      numFailedTests: number;
      testResults: { name: string; startTime: number; endTime: number }[];
    };
    expect(report.numFailedTests).toBe(0);
    expect(report.numPassedTests).toBe(2);
    expect(report.testResults).toHaveLength(2);
  });
}, 300_000);
