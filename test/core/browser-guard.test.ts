import { afterEach, describe, expect, it, vi } from "vitest";
import { createDialog360Client } from "../../src/360dialog/index.ts";
import { createBirdClient } from "../../src/bird/index.ts";

const SECRET = "browser-guard-SECRET";
const d360 = (extra: object = {}) =>
  createDialog360Client({ partnerId: "examplePA", apiKey: SECRET, baseUrl: "http://127.0.0.1:9", ...extra });
const bird = (extra: object = {}) =>
  createBirdClient({ workspaceId: "ws", accessKey: SECRET, baseUrl: "http://127.0.0.1:9", ...extra });

describe("clients in a browser", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("refuse to start without dangerouslyAllowBrowser, saying why, without the key", () => {
    vi.stubGlobal("window", { document: {} });
    for (const make of [d360, bird]) {
      let message = "";
      try {
        make();
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).toMatch(/refuses to run in a browser.*account-wide secret.*dangerouslyAllowBrowser: true/);
      expect(message).not.toContain(SECRET);
    }
  });

  it("start with dangerouslyAllowBrowser: true", () => {
    vi.stubGlobal("window", { document: {} });
    expect(() => d360({ dangerouslyAllowBrowser: true })).not.toThrow();
    expect(() => bird({ dangerouslyAllowBrowser: true })).not.toThrow();
  });

  it("start in Node, and in a worker-like scope with no document", () => {
    expect(() => d360()).not.toThrow();
    vi.stubGlobal("window", {});
    expect(() => bird()).not.toThrow();
  });
});
