import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, rmSync } from "node:fs";
import { ROOT } from "./providers.ts";

// dist/: JavaScript (ESM) and declarations from tsc, plus the bundled specs that bsp-sdk/testing serves.
rmSync(`${ROOT}dist`, { recursive: true, force: true });
execFileSync(process.execPath, [`${ROOT}node_modules/typescript/bin/tsc`, "-p", `${ROOT}tsconfig.build.json`], {
  stdio: "inherit",
});
mkdirSync(`${ROOT}dist/openapi/dist`, { recursive: true });
cpSync(`${ROOT}openapi/dist`, `${ROOT}dist/openapi/dist`, { recursive: true });
console.log("build: dist/ written");
