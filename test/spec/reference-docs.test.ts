import { describe, expect, it } from "vitest";
import { readMethods, typecheckExamples } from "../../scripts/reference-docs.ts";
import { createDialog360Client } from "../../src/360dialog/index.ts";
import { createBirdClient } from "../../src/bird/index.ts";

// The reference has a page for every method a user can call, each naming the operation the method
// really sends, and every example compiles.
describe("per-method reference pages", () => {
  const methods = readMethods();
  const d360 = createDialog360Client({ partnerId: "p", apiKey: "k", baseUrl: "http://127.0.0.1:9" });
  const bird = createBirdClient({ workspaceId: "w", accessKey: "k", baseUrl: "http://127.0.0.1:9" });
  const documented = (client: string, resource: string) =>
    methods
      .filter((m) => m.resource.client === client && m.resource.name === resource)
      .map((m) => m.name)
      .sort();

  it("covers every method of every resource", () => {
    expect(documented("d360", "channels")).toEqual(Object.keys(d360.channels).sort());
    expect(documented("d360", "clients")).toEqual(Object.keys(d360.clients).sort());
    expect(documented("d360", "partner")).toEqual(Object.keys(d360.partner).sort());
    expect(documented("bird", "channels")).toEqual(Object.keys(bird.channels).sort());
  });

  it("names the operation each method sends, with an example on every page", () => {
    const op = (client: string, resource: string, name: string) =>
      methods.find((m) => m.resource.client === client && m.resource.name === resource && m.name === name)?.operation;
    expect(op("d360", "channels", "createApiKey")).toEqual({
      path: "/api/v2/partners/{partner_id}/channels/{channel_id}/api_keys",
      method: "post",
    });
    expect(op("d360", "channels", "get")).toEqual({ path: "/api/v2/partners/{partner_id}/channels", method: "get" });
    expect(op("bird", "channels", "list")).toEqual({ path: "/workspaces/{workspaceId}/channels", method: "get" });
    expect(methods.filter((m) => !m.example).map((m) => m.name)).toEqual([]);
  });

  it("typechecks the examples, and reports one that does not compile", () => {
    expect(typecheckExamples(methods)).toEqual([]);
    const broken = methods.map((m) =>
      m.name === "createApiKey" ? { ...m, example: "await d360.channels.createApiKey({ channel: 1 });" } : m,
    );
    expect(typecheckExamples(broken).join("\n")).toMatch(/channel/);
  });
});
