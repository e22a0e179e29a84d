import { describe, expect, it } from "vitest";
import { expectedFailures, fixtures, mismatches } from "../support/real-world.ts";

// Requests and responses published by others (the vendors' own examples, other projects' fixtures)
// validated against the bundled specs with Ajv. When the bundle refuses one, the bundle is wrong
// until shown otherwise: fix it with an overlay, or list the example in expected-failures.json with
// the evidence that the vendor contradicts itself.
describe("real-world examples against the bundled specs", () => {
  it("has examples with their sources", () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(15);
    for (const { source } of fixtures) expect(source.trim().length).toBeGreaterThan(20);
    // The first line of each .source.txt names where the example was published.
    const sources = new Set(fixtures.map(({ source }) => source.split("\n")[0]));
    expect(sources.size).toBeGreaterThanOrEqual(4);
    for (const name of Object.keys(expectedFailures)) expect(fixtures.map((f) => f.name)).toContain(name);
  });

  it.each(fixtures.map((f) => [f.name, f] as const))("%s", (name, { fixture }) => {
    const found = mismatches(fixture);
    const expected = expectedFailures[name];
    if (expected) {
      // A listed inconsistency stays listed only while it is still there, exactly as recorded.
      expect(found).toEqual(expected.mismatches);
    } else {
      expect(found).toEqual([]);
    }
  });
});
