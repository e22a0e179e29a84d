import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT } from "../../scripts/providers.ts";

const copies: string[] = [];

/** A temporary copy of what the spec pipeline reads and writes (openapi/ and generated/); ends with "/". */
export function copyOfRepo(): string {
  const root = `${mkdtempSync(join(tmpdir(), "bsp-spec-"))}/`;
  copies.push(root);
  cpSync(`${ROOT}openapi`, `${root}openapi`, { recursive: true });
  cpSync(`${ROOT}generated`, `${root}generated`, { recursive: true });
  return root;
}

export function removeCopies(): void {
  for (const dir of copies.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Every file under openapi/ and generated/ of a copy, with its content: equal snapshots mean nothing changed. */
export function snapshotTree(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const file = `${dir}/${name}`;
      if (statSync(file).isDirectory()) walk(file);
      else out[file.slice(root.length)] = readFileSync(file, "utf8");
    }
  };
  walk(`${root}openapi`);
  walk(`${root}generated`);
  return out;
}
