import { readdirSync, readFileSync } from "node:fs";
import { Ajv2020, type ErrorObject } from "ajv/dist/2020.js";
import { providerPaths } from "../../scripts/providers.ts";

export const DIR = new URL("../fixtures/real-world/", import.meta.url);
export type Fixture = {
  operation: string;
  part: "response" | "request-body" | "request-query";
  status?: number;
  body?: unknown;
  query?: Record<string, unknown>;
};
export const expectedFailures = JSON.parse(readFileSync(new URL("expected-failures.json", DIR), "utf8")) as Record<
  string,
  { mismatches: string[]; evidence: string }
>;
export const fixtures = readdirSync(DIR)
  .filter((f) => f.endsWith(".json") && f !== "expected-failures.json")
  .map((file) => ({
    name: file.replace(/\.json$/, ""),
    fixture: JSON.parse(readFileSync(new URL(file, DIR), "utf8")) as Fixture,
    source: readFileSync(new URL(file.replace(/\.json$/, ".source.txt"), DIR), "utf8"),
  }));

const validators = Object.fromEntries(
  (["360dialog", "bird"] as const).map((provider) => {
    const spec = JSON.parse(readFileSync(providerPaths(provider).bundle, "utf8"));
    const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
    ajv.addSchema({ $id: "bundle", components: spec.components }, "bundle");
    const rebase = (schema: unknown) =>
      JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"bundle#/components/')) as object;
    return [provider, { spec, ajv, rebase }];
  }),
);

/** Each mismatch as "<JSON pointer> <keyword>: <message>". */
export function mismatches(fixture: Fixture): string[] {
  const provider = fixture.operation.includes("/workspaces/") ? "bird" : "360dialog";
  const { spec, ajv, rebase } = validators[provider] as NonNullable<(typeof validators)[string]>;
  const [method, path] = fixture.operation.split(" ") as [string, string];
  const op = spec.paths[path]?.[method.toLowerCase()];
  if (!op) return [`operation ${fixture.operation} is not in the bundle`];
  const format = (prefix: string, errors: ErrorObject[] | null | undefined) => [
    ...new Set(
      (errors ?? []).map((e) => {
        const detail =
          e.keyword === "additionalProperties"
            ? ` "${(e.params as { additionalProperty: string }).additionalProperty}"`
            : e.keyword === "enum"
              ? ` ${JSON.stringify((e.params as { allowedValues: unknown[] }).allowedValues)}`
              : e.keyword === "required"
                ? ` "${(e.params as { missingProperty: string }).missingProperty}"`
                : "";
        return `${prefix}${e.instancePath || ""} ${e.keyword}${detail}`;
      }),
    ),
  ];
  if (fixture.part === "response") {
    const response = op.responses[String(fixture.status)];
    const schema = (response?.$ref ? spec.components.responses[response.$ref.split("/").pop()] : response)?.content?.[
      "application/json"
    ]?.schema;
    if (!schema) return [`no JSON body declared for ${fixture.status}`];
    const validate = ajv.compile(rebase(schema));
    return validate(fixture.body) ? [] : format("", validate.errors);
  }
  if (fixture.part === "request-body") {
    const schema = op.requestBody?.content?.["application/json"]?.schema;
    if (!schema) return ["no JSON request body declared"];
    const validate = ajv.compile(rebase(schema));
    return validate(fixture.body) ? [] : format("", validate.errors);
  }
  const out: string[] = [];
  const params = (op.parameters ?? []).map((p: { $ref?: string }) =>
    p.$ref ? spec.components.parameters[p.$ref.split("/").pop() as string] : p,
  );
  for (const [name, value] of Object.entries(fixture.query ?? {})) {
    const param = params.find((p: { name: string; in: string }) => p.name === name && p.in === "query");
    if (!param) {
      out.push(`/${name} unknown: the operation has no query parameter "${name}"`);
      continue;
    }
    const schema = param.content?.["application/json"]?.schema ?? param.schema;
    const validate = ajv.compile(rebase(schema));
    if (!validate(value)) out.push(...format(`/${name}`, validate.errors));
  }
  return out;
}
