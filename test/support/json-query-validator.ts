import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import { providerPaths } from "../../scripts/providers.ts";

/**
 * Prism does not validate query parameters declared with `content: application/json`, so the contract
 * tests check them here: the raw query value must parse as JSON and match the parameter's schema in the
 * bundled spec.
 */
export function createJsonQueryValidator(provider: "360dialog" | "bird") {
  const spec = JSON.parse(readFileSync(providerPaths(provider).bundle, "utf8"));
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
  ajv.addSchema({ $id: "bundle", components: spec.components }, "bundle");

  return function validate(url: string, path: string, method: string): string[] {
    const op = spec.paths[path]?.[method];
    if (!op) throw new Error(`No operation ${method} ${path}`);
    const problems: string[] = [];
    const query = new URL(url).searchParams;
    for (const param of op.parameters ?? []) {
      if (param.in !== "query" || !param.content?.["application/json"]) continue;
      const keys = [...query.keys()].filter((k) => k === param.name || k.startsWith(`${param.name}[`));
      if (keys.some((k) => k !== param.name)) {
        problems.push(`${param.name} is sent as ${keys.join(", ")}; the spec declares one JSON-encoded value`);
        continue;
      }
      const raw = query.getAll(param.name);
      if (raw.length === 0) continue;
      if (raw.length > 1) problems.push(`${param.name} is sent ${raw.length} times`);
      let value: unknown;
      try {
        value = JSON.parse(raw[0] ?? "");
      } catch {
        problems.push(`${param.name}=${raw[0]} is not JSON`);
        continue;
      }
      const schema = param.content["application/json"].schema;
      const check = ajv.compile(schema.$ref ? { $ref: `bundle${schema.$ref}` } : schema);
      if (!check(value))
        problems.push(...(check.errors ?? []).map((e) => `${param.name}${e.instancePath} ${e.message}`));
    }
    return problems;
  };
}
