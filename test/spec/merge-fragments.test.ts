import { describe, expect, it } from "vitest";
import { FragmentConflictError, mergeFragments } from "../../scripts/merge-fragments.ts";

const base = { openapi: "3.1.0", info: { title: "T", version: "1" } };
const schema = (description: string) => ({ type: "object", properties: { id: { type: "string", description } } });
const op = (id: string) => ({ get: { operationId: id, responses: { "200": { description: "ok" } } } });

describe("mergeFragments", () => {
  it("keeps an identical component once and merges the operations", () => {
    const merged = mergeFragments([
      { file: "a.json", doc: { ...base, paths: { "/a": op("a") }, components: { schemas: { Thing: schema("x") } } } },
      { file: "b.json", doc: { ...base, paths: { "/b": op("b") }, components: { schemas: { Thing: schema("x") } } } },
    ]);
    expect(Object.keys(merged.paths as object)).toEqual(["/a", "/b"]);
    expect(merged.components).toEqual({ schemas: { Thing: schema("x") } });
  });

  it("fails on a component defined differently, naming the component and both files", () => {
    const run = () =>
      mergeFragments([
        { file: "fragments/first.json", doc: { ...base, components: { schemas: { Thing: schema("x") } } } },
        { file: "fragments/second.yaml", doc: { ...base, components: { schemas: { Thing: schema("y") } } } },
      ]);
    expect(run).toThrow(FragmentConflictError);
    expect(run).toThrow(/Component schemas\/Thing .*fragments\/first\.json and fragments\/second\.yaml/);
  });

  it("fails on one operation defined by two fragments differently", () => {
    const run = () =>
      mergeFragments([
        { file: "one.json", doc: { ...base, paths: { "/a": op("a") } } },
        { file: "two.json", doc: { ...base, paths: { "/a": op("other") } } },
      ]);
    expect(run).toThrow(/Operation GET \/a is defined differently in one\.json and two\.json/);
  });

  it("fails when fragments disagree on a shared top-level field", () => {
    const run = () =>
      mergeFragments([
        { file: "one.json", doc: { ...base } },
        { file: "two.json", doc: { ...base, info: { title: "Other", version: "1" } } },
      ]);
    expect(run).toThrow(/Top-level "info" is defined differently in one\.json and two\.json/);
  });

  it("copies a fragment's x-bsp-source onto its operations", () => {
    const merged = mergeFragments([
      { file: "a.yaml", doc: { ...base, "x-bsp-source": "seed 003", paths: { "/a": op("a") } } },
    ]);
    expect((merged.paths as Record<string, { get: Record<string, unknown> }>)["/a"]?.get["x-bsp-source"]).toBe(
      "seed 003",
    );
    expect(merged).not.toHaveProperty("x-bsp-source");
  });

  it("merges OpenAPI 3.1 webhooks like paths, and fails on one webhook defined twice differently", () => {
    const hook = (summary: string) => ({
      post: { operationId: "channelCreated", summary, responses: { "200": { description: "ok" } } },
    });
    const merged = mergeFragments([
      { file: "a.json", doc: { ...base, paths: { "/a": op("a") } } },
      { file: "hooks.json", doc: { ...base, "x-bsp-source": "page", webhooks: { channel_created: hook("x") } } },
    ]);
    expect(Object.keys(merged.paths as object)).toEqual(["/a"]);
    expect(merged.webhooks).toEqual({ channel_created: { post: { ...hook("x").post, "x-bsp-source": "page" } } });
    const run = () =>
      mergeFragments([
        { file: "one.json", doc: { ...base, webhooks: { channel_created: hook("x") } } },
        { file: "two.json", doc: { ...base, webhooks: { channel_created: hook("y") } } },
      ]);
    expect(run).toThrow(/Operation POST webhook channel_created is defined differently in one\.json and two\.json/);
  });
});
