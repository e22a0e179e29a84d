import { existsSync } from "node:fs";
import { build } from "esbuild";
import { chromium } from "playwright-core";
import { afterAll, describe, expect, inject, it } from "vitest";
import { ROOT } from "../../scripts/providers.ts";
import { startHttpServer } from "../support/http-server.ts";

// The browser build in headless Chromium (Debian's package, installed by .ci/run), talking to Prism on
// loopback across origins. Outside CI, a machine without /usr/bin/chromium skips it and says so.
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const available = existsSync(CHROMIUM);
if (!available && !process.env.CI)
  console.warn(`browser smoke test skipped: no Chromium at ${CHROMIUM} (apt-get install chromium)`);

describe.skipIf(!available && !process.env.CI)("browser bundle in headless Chromium", () => {
  const closers: Array<() => Promise<unknown>> = [];
  afterAll(async () => {
    for (const close of closers.reverse()) await close();
  });

  it("makes a typed call and a paginated loop against Prism", async () => {
    const bundle = await build({
      entryPoints: [`${ROOT}test/browser/app.ts`],
      bundle: true,
      format: "esm",
      platform: "browser",
      target: "es2022",
      write: false,
      logLevel: "silent",
    });
    const js = bundle.outputFiles[0]?.text ?? "";
    expect(js).not.toMatch(/node:|require\(/);
    const page = await startHttpServer((req, res) => {
      if (req.url.pathname === "/app.js") {
        res.writeHead(200, { "content-type": "text/javascript" });
        res.end(js);
      } else {
        res.writeHead(200, { "content-type": "text/html" });
        res.end('<!doctype html><meta charset="utf-8"><script type="module" src="/app.js"></script>');
      }
    });
    closers.push(page.close);
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
    closers.push(() => browser.close());
    const tab = await browser.newPage();
    const errors: string[] = [];
    tab.on("pageerror", (e) => errors.push(String(e)));
    await tab.goto(`${page.url}/?api=${encodeURIComponent(inject("prism360"))}`);
    await tab.waitForFunction(() => (window as { __result?: unknown }).__result !== undefined, undefined, {
      timeout: 20_000,
    });
    const result = await tab.evaluate(() => (window as { __result?: unknown }).__result);
    expect(errors).toEqual([]);
    expect(result).toEqual({
      refused: expect.stringContaining("refuses to run in a browser"),
      ids: ["exampleCH", "exampleCH2"],
      key: "ok",
      encoded: "ok",
      webhooks: ["channel_created", "channel.created"],
    });
  }, 60_000);
});
