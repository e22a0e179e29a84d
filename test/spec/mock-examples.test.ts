import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { providerPaths } from "../../scripts/providers.ts";
import { mismatches } from "../support/real-world.ts";

// A mock serves the bundle's examples: every operation and every declared status must have one that
// its own schema accepts, or Prism answers "string" and 0 where the API would answer values.
// biome-ignore lint/suspicious/noExplicitAny: walking a parsed OpenAPI document
type Json = Record<string, any>;

const cases = (["360dialog", "bird"] as const).flatMap((provider) => {
  const spec = JSON.parse(readFileSync(providerPaths(provider).bundle, "utf8")) as Json;
  return Object.entries(spec.paths as Json).flatMap(([path, item]) =>
    Object.entries(item as Json)
      .filter(([method]) => ["get", "post", "put", "patch", "delete"].includes(method))
      .flatMap(([method, op]) =>
        Object.entries((op as Json).responses as Json).map(([status, raw]) => {
          const response = (raw as Json).$ref
            ? spec.components.responses[(raw as Json).$ref.split("/").pop()]
            : (raw as Json);
          return { operation: `${method.toUpperCase()} ${path}`, status: Number(status), response: response as Json };
        }),
      ),
  );
});

describe("mock examples", () => {
  it.each(cases.map((c) => [c.operation, c.status, c] as const))(
    "%s %i has an example its schema accepts",
    (operation, status, { response }) => {
      const media = response.content?.["application/json"];
      if (!media) return;
      expect(media.example, "no example").toBeDefined();
      expect(mismatches({ operation, part: "response", status, body: media.example })).toEqual([]);
      if (status >= 400 && !operation.includes("/workspaces/")) {
        expect(media.example.meta).toMatchObject({ success: false, http_code: status });
      }
    },
  );

  it.each(cases.filter((c) => c.status === 429).map((c) => [c.operation, c] as const))(
    "%s 429 says how long to wait (Retry-After, with an example)",
    (_operation, { response }) => {
      expect(response.headers?.["Retry-After"]?.example).toBeGreaterThan(0);
    },
  );
});
