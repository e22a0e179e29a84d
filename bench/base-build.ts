import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT } from "../scripts/providers.ts";

/**
 * A baseline for A/B figures: `commit` checked out in a throwaway git worktree (sharing this tree's
 * node_modules) and built, so it is measured in the same run as this tree. `dir` is the worktree (its
 * scripts measure its sources), `dist` its built package.
 */
export function buildBase(commit: string): { commit: string; dir: string; dist: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "bsp-sdk-base-"));
  execFileSync("git", ["-C", ROOT, "worktree", "add", "--detach", "--force", dir, commit], { stdio: "ignore" });
  symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"));
  execFileSync(process.execPath, [join(dir, "scripts/build.ts")], { cwd: dir, stdio: "ignore" });
  return {
    commit,
    dir,
    dist: join(dir, "dist"),
    remove: () => {
      execFileSync("git", ["-C", ROOT, "worktree", "remove", "--force", dir], { stdio: "ignore" });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
