import { readFileSync } from "node:fs";
import { parse } from "yaml";

/** Reads a JSON or YAML file into a plain object. */
export function readSpecFile(file: string): Record<string, unknown> {
  const text = readFileSync(file, "utf8");
  const value: unknown = file.endsWith(".json") ? JSON.parse(text) : parse(text);
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new Error(`${file} does not hold a JSON/YAML object`);
  }
  return value as Record<string, unknown>;
}
