import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { providerPaths } from "../../scripts/providers.ts";
import { diffSpecs, formatChanges, type SpecChange } from "../../scripts/spec-diff.ts";

type Json = Record<string, unknown>;

// A small document; each test changes one thing and reads the verdict.
const doc = () => ({
  openapi: "3.1.0",
  info: { title: "t", version: "1" },
  paths: {
    "/items": {
      get: {
        operationId: "listItems",
        parameters: [{ $ref: "#/components/parameters/Filter" }],
        responses: {
          "200": {
            description: "ok",
            content: { "application/json": { schema: { $ref: "#/components/schemas/Item" } } },
          },
        },
      },
      post: {
        operationId: "createItem",
        requestBody: { content: { "application/json": { schema: { $ref: "#/components/schemas/NewItem" } } } },
        responses: { "200": { description: "ok" } },
      },
    },
    "/other": {
      get: {
        operationId: "other",
        parameters: [{ $ref: "#/components/parameters/Filter" }],
        responses: { "200": { description: "ok" } },
      },
    },
  },
  components: {
    parameters: {
      Filter: { name: "filter", in: "query", required: false, schema: { type: "string" } } as Json,
    } as Record<string, Json>,
    schemas: {
      // Recursive, as real schemas can be: the diff must still resolve it.
      Item: {
        type: "object",
        properties: {
          id: { type: "string" },
          status: { type: "string", enum: ["active", "inactive"] },
          parent: { $ref: "#/components/schemas/Item" },
        } as Record<string, Json>,
      },
      NewItem: { type: "object", properties: { amount: { type: "number" } } as Record<string, Json> } as Json,
    } as Record<string, Json>,
  },
});
type Doc = ReturnType<typeof doc>;
const props = (d: Doc, name: "Item" | "NewItem") => (d.components.schemas[name] as Json).properties as Json;
const change = (edit: (d: Doc) => void) => {
  const after = doc();
  edit(after);
  return diffSpecs(doc(), after);
};
const rows = (changes: SpecChange[]) => changes.map((c) => `${c.breaking ? "BREAKING " : ""}${c.where}: ${c.message}`);

describe("spec diff: the one verdict on breaking", () => {
  it("a new required query parameter reached through $ref is breaking, named where callers meet it", () => {
    const changes = change((d) => {
      d.components.parameters.Region = { name: "region", in: "query", required: true, schema: { type: "string" } };
      d.paths["/items"].get.parameters.push({ $ref: "#/components/parameters/Region" });
    });
    expect(rows(changes)).toEqual(['BREAKING GET /items: new required query parameter "region"']);
    expect(changes[0]?.rule).toMatch(/new required parameter/);
  });

  it("a components.parameters change is breaking at every operation that uses the parameter", () => {
    expect(rows(change((d) => ((d.components.parameters.Filter as Json).schema = { type: "integer" })))).toEqual([
      'BREAKING GET /items: query parameter "filter": type string → integer',
      'BREAKING GET /other: query parameter "filter": type string → integer',
    ]);
  });

  it("an existing $ref'd parameter becoming required is breaking", () => {
    expect(rows(change((d) => ((d.components.parameters.Filter as Json).required = true)))).toEqual([
      'BREAKING GET /items: query parameter "filter" is now required',
      'BREAKING GET /other: query parameter "filter" is now required',
    ]);
  });

  it("a value removed from an enum is breaking, in a response too", () => {
    const changes = change((d) => (props(d, "Item").status = { type: "string", enum: ["active"] }));
    expect(rows(changes)).toEqual([
      'BREAKING GET /items: response 200: field "status": value "inactive" removed from its enum',
    ]);
  });

  it("a narrowed request type is breaking", () => {
    expect(rows(change((d) => (props(d, "NewItem").amount = { type: "integer" })))).toEqual([
      'BREAKING POST /items: request body: field "amount": type number → integer',
    ]);
  });

  it("a new required request field is breaking", () => {
    expect(rows(change((d) => ((d.components.schemas.NewItem as Json).required = ["amount"])))).toEqual([
      'BREAKING POST /items: request body: field "amount" is now required',
    ]);
  });

  it("a removed operation is breaking", () => {
    expect(rows(change((d) => delete (d.paths["/items"] as Partial<Doc["paths"]["/items"]>).post))).toEqual([
      "BREAKING POST /items: operation removed",
    ]);
  });

  it("a removed field is breaking, in a response and in a request", () => {
    expect(rows(change((d) => delete props(d, "Item").id))).toEqual([
      'BREAKING GET /items: response 200: field "id" removed',
    ]);
    expect(rows(change((d) => delete props(d, "NewItem").amount))).toEqual([
      'BREAKING POST /items: request body: field "amount" removed',
    ]);
  });

  it("a removed parameter and a removed success response are breaking", () => {
    expect(rows(change((d) => (d.paths["/other"].get.parameters = [])))).toEqual([
      'BREAKING GET /other: query parameter "filter" removed',
    ]);
    expect(
      rows(change((d) => (d.paths["/other"].get.responses = { "201": { description: "created" } } as never))),
    ).toEqual(["BREAKING GET /other: response 200 removed", "GET /other: response 201 added"]);
  });

  it("a removed component schema is breaking (code that names the type)", () => {
    const changes = change((d) => {
      d.components.schemas.Unused = { type: "object" };
    });
    expect(rows(changes)).toEqual(["components.schemas.Unused: type added"]);
    const before = doc();
    before.components.schemas.Unused = { type: "object" };
    expect(rows(diffSpecs(before, doc()))).toEqual(["BREAKING components.schemas.Unused: type removed"]);
  });

  it("additive changes are not breaking: a new optional field, a new optional parameter, a new operation", () => {
    const changes = change((d) => {
      props(d, "Item").note = { type: "string" };
      props(d, "NewItem").note = { type: "string" };
      d.paths["/other"].get.parameters.push({ name: "q", in: "query", schema: { type: "string" } } as never);
      (d.paths as Record<string, unknown>)["/new"] = {
        get: { operationId: "n", responses: { "200": { description: "ok" } } },
      };
    });
    expect(rows(changes)).toEqual([
      'GET /items: response 200: field "note" added',
      "GET /new: operation added",
      'GET /other: new optional query parameter "q"',
      'POST /items: request body: field "note" added',
    ]);
  });

  it("an unchanged document has no change, and the summary says which diff decides", () => {
    expect(diffSpecs(doc(), doc())).toEqual([]);
    expect(formatChanges([])).toMatch(/api-smart-diff .* this diff alone decides what is breaking/);
  });

  it("on the real bundle, a $ref'd required parameter is named, never undefined", () => {
    const before = JSON.parse(readFileSync(providerPaths("360dialog").bundle, "utf8"));
    const after = structuredClone(before);
    after.components.parameters = {
      ...after.components.parameters,
      Region: { name: "region", in: "query", required: true, schema: { type: "string" } },
    };
    const op = after.paths["/api/v2/partners/{partner_id}/channels"].get;
    op.parameters = [...op.parameters, { $ref: "#/components/parameters/Region" }];
    const changes = diffSpecs(before, after);
    const summary = formatChanges(changes);
    expect(summary).not.toMatch(/undefined/);
    expect(rows(changes)).toEqual([
      'BREAKING GET /api/v2/partners/{partner_id}/channels: new required query parameter "region"',
    ]);
    expect(summary).toMatch(/1 change\(s\), 1 breaking/);
  });
});
