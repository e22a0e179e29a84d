import { describe, expect, it } from "vitest";
import { semanticDiff } from "../../scripts/semantic-diff.ts";

// Small documents, one change each: what update-spec must call breaking.
const doc = (
  options: { required?: boolean; enumValues?: string[]; numberType?: string; optionalField?: boolean } = {},
) => ({
  openapi: "3.1.0",
  info: { title: "t", version: "1" },
  paths: {
    "/items": {
      get: {
        parameters: [{ $ref: "#/components/parameters/Filter" }],
        responses: {
          "200": {
            description: "ok",
            content: { "application/json": { schema: { $ref: "#/components/schemas/Item" } } },
          },
        },
      },
      post: {
        requestBody: { content: { "application/json": { schema: { $ref: "#/components/schemas/NewItem" } } } },
        responses: { "200": { description: "ok" } },
      },
    },
  },
  components: {
    parameters: {
      Filter: { name: "filter", in: "query", required: options.required ?? false, schema: { type: "string" } },
    },
    schemas: {
      Item: {
        type: "object",
        properties: {
          status: { type: "string", enum: options.enumValues ?? ["active", "inactive"] },
          ...(options.optionalField ? { note: { type: "string" } } : {}),
        },
      },
      NewItem: { type: "object", properties: { amount: { type: options.numberType ?? "number" } } },
    },
  },
});
const breaking = (after: ReturnType<typeof doc>) => semanticDiff(doc(), after).filter((c) => c.breaking);

describe("semantic diff (api-smart-diff, $refs resolved)", () => {
  it("reports a $ref'd parameter becoming required as breaking, at the operation", () => {
    expect(breaking(doc({ required: true })).map((c) => c.where)).toEqual(["GET /items: parameters/0/required"]);
  });

  it("reports a value removed from an enum as breaking, in a response too", () => {
    expect(breaking(doc({ enumValues: ["active"] })).map((c) => c.where)).toEqual([
      "GET /items: responses/200/content/application/json/schema/properties/status/enum/1",
    ]);
  });

  it("reports a narrowed request type as breaking", () => {
    expect(breaking(doc({ numberType: "integer" })).map((c) => c.where)).toEqual([
      "POST /items: requestBody/content/application/json/schema/properties/amount/type",
    ]);
  });

  it("does not call an added optional response field breaking", () => {
    const changes = semanticDiff(doc(), doc({ optionalField: true }));
    expect(changes.length).toBeGreaterThan(0);
    expect(changes.filter((c) => c.breaking)).toEqual([]);
  });
});
