import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkListKeys } from "../../scripts/check-list-keys.ts";
import { providerPaths } from "../../scripts/providers.ts";

/** A list operation over items with a nested $ref'd object, filtered by `filters` and sorted by `sort`. */
function spec(filters: string[], sort: string[], unresolved?: Record<string, string>) {
  return {
    paths: {
      "/things": {
        get: {
          "x-bsp-pagination": { style: "offset", items: "things" },
          ...(unresolved ? { "x-bsp-list-keys": { unresolved } } : {}),
          parameters: [
            {
              name: "filters",
              in: "query",
              content: {
                "application/json": {
                  schema: { type: "object", properties: Object.fromEntries(filters.map((f) => [f, {}])) },
                },
              },
            },
            { $ref: "#/components/parameters/Sort" },
          ],
          responses: {
            "200": {
              content: {
                "application/json": {
                  schema: {
                    type: "object",
                    properties: { things: { type: "array", items: { $ref: "#/components/schemas/Thing" } } },
                  },
                },
              },
            },
          },
        },
      },
    },
    components: {
      parameters: {
        Sort: {
          name: "sort",
          in: "query",
          schema: { type: "array", items: { $ref: "#/components/schemas/SortKey" } },
        },
      },
      schemas: {
        SortKey: { type: "string", enum: sort.flatMap((k) => [k, `-${k}`]) },
        Owner: {
          type: "object",
          properties: { id: { type: "string" }, tags: { type: "array", items: { $ref: "#/components/schemas/Tag" } } },
        },
        Tag: { type: "object", properties: { label: { type: "string" } } },
        Thing: {
          type: "object",
          properties: { id: { type: "string" }, owner: { allOf: [{ $ref: "#/components/schemas/Owner" }] } },
        },
      },
    },
  };
}

describe("list keys resolve to fields of the listed items", () => {
  it("follows $ref, allOf, nested objects and arrays", () => {
    expect(checkListKeys(spec(["id", "owner.id", "owner.tags.label"], ["id", "owner.id"]))).toEqual([]);
  });

  it("reports a filter field and a sort key that name no item field", () => {
    const problems = checkListKeys(spec(["id", "owner.name"], ["colour"]));
    expect(problems.map((p) => [p.kind, p.key])).toEqual([
      ["filter", "owner.name"],
      ["sort", "colour"],
    ]);
    expect(problems[0]?.message).toContain("x-bsp-list-keys");
  });

  it("accepts a declared key, and reports a stale, unknown or reasonless declaration", () => {
    expect(checkListKeys(spec(["q"], [], { q: "free-text search" }))).toEqual([]);
    const problems = checkListKeys(spec(["id", "q"], [], { id: "stale", q: "", nope: "not a key" }));
    expect(problems.map((p) => [p.kind, p.key])).toEqual([
      ["declaration", "id"],
      ["declaration", "q"],
      ["declaration", "nope"],
    ]);
  });

  it("holds for both bundled documents", () => {
    for (const provider of ["360dialog", "bird"] as const) {
      const bundle = JSON.parse(readFileSync(providerPaths(provider).bundle, "utf8"));
      expect(checkListKeys(bundle)).toEqual([]);
    }
  });
});
