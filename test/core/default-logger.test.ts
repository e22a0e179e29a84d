import { afterEach, describe, expect, it, vi } from "vitest";
import { createDialog360Client } from "../../src/360dialog/index.ts";
import { consoleLogLevel } from "../../src/core/options/console-log-level.ts";
import type { RequestLogLine } from "../../src/index.ts";
import { fakeClock, flush } from "../support/fake-clock.ts";
import { fakeFetch, json } from "../support/fake-fetch.ts";

// Without a `logger`, the client logs to the console at the level BSP_SDK_LOG sets ("warn" when
// unset): a wait longer than 2 s is never silent. vitest.config.ts sets BSP_SDK_LOG=off for the other
// tests; each test here sets it itself.
const KEY = "k-default-logger-SECRET-77";
const apiKey = { id: "exampleAK", address: "https://waba-v2.360dialog.io", api_key: "x", app_id: "1" };
const ref = { channelId: "exampleCH" };

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

function consoleSpies() {
  return {
    warn: vi.spyOn(console, "warn").mockImplementation(() => {}),
    info: vi.spyOn(console, "info").mockImplementation(() => {}),
    debug: vi.spyOn(console, "debug").mockImplementation(() => {}),
  };
}

function client(extra: Record<string, unknown> = {}) {
  const clock = fakeClock();
  const { fetch, calls } = fakeFetch(() => json(200, apiKey));
  const d360 = createDialog360Client({
    partnerId: "examplePA",
    apiKey: KEY,
    baseUrl: "http://127.0.0.1:9",
    fetch,
    clock,
    ...extra,
  });
  return { d360, clock, calls };
}

/** Two API keys for one channel: the second waits 30 s for the documented 1-per-30-s limit. */
async function secondKeyWaits(d360: ReturnType<typeof client>["d360"], clock: ReturnType<typeof fakeClock>) {
  expect((await d360.channels.createApiKey(ref)).error).toBeUndefined();
  const second = d360.channels.createApiKey(ref);
  await flush();
  return { second, finish: () => clock.drive(second) };
}

describe("the default logger", () => {
  it("warns once, before a 30-second pacing wait, with the reason and the budget key", async () => {
    vi.stubEnv("BSP_SDK_LOG", undefined);
    const spies = consoleSpies();
    const { d360, clock, calls } = client();
    const { finish } = await secondKeyWaits(d360, clock);
    // Said before the wait, while nothing has been sent yet.
    expect(calls).toHaveLength(1);
    expect(spies.warn).toHaveBeenCalledTimes(1);
    expect(spies.warn.mock.calls[0]?.[0]).toBe(
      "[bsp-sdk] POST /api/v2/partners/{partner_id}/channels/{channel_id}/api_keys waits 30.0 s for client-side pacing of its documented rate limit (budget generate-api-key|partner_id=examplePA|channel_id=exampleCH) (pass `logger` to the client to silence or redirect this, or set BSP_SDK_LOG=off)",
    );
    expect((await finish()).error).toBeUndefined();
    expect(calls).toHaveLength(2);
    expect(spies.info).not.toHaveBeenCalled();
    expect(spies.debug).not.toHaveBeenCalled();
  });

  it("warns once for a burst of calls queued behind the same budget", async () => {
    vi.stubEnv("BSP_SDK_LOG", "warn");
    const spies = consoleSpies();
    const { d360, clock } = client();
    expect((await d360.channels.createApiKey(ref)).error).toBeUndefined();
    const queued = [d360.channels.createApiKey(ref), d360.channels.createApiKey(ref), d360.channels.createApiKey(ref)];
    await flush();
    await clock.drive(Promise.all(queued));
    // The first waited 30 s, the next ones 60 s and 90 s: one warning while the first wait lasts, and
    // one for each wait still to come once the one warned about has passed.
    expect(spies.warn.mock.calls.length).toBeLessThan(queued.length);
    expect(spies.warn.mock.calls.length).toBeGreaterThanOrEqual(1);
  });

  it("is silenced by a logger, which gets the line instead", async () => {
    vi.stubEnv("BSP_SDK_LOG", "debug");
    const spies = consoleSpies();
    const lines: RequestLogLine[] = [];
    const { d360, clock } = client({ logger: (line: RequestLogLine) => lines.push(line) });
    const { finish } = await secondKeyWaits(d360, clock);
    await finish();
    expect(spies.warn).not.toHaveBeenCalled();
    expect(spies.info).not.toHaveBeenCalled();
    expect(spies.debug).not.toHaveBeenCalled();
    expect(lines.filter((l) => l.event === "rate_limit_wait")).toMatchObject([{ waitMs: 30_000 }]);
  });

  it("BSP_SDK_LOG=off says nothing", async () => {
    vi.stubEnv("BSP_SDK_LOG", "off");
    const spies = consoleSpies();
    const { d360, clock } = client();
    const { finish } = await secondKeyWaits(d360, clock);
    await finish();
    expect(spies.warn).not.toHaveBeenCalled();
  });

  it("BSP_SDK_LOG=debug logs every attempt, BSP_SDK_LOG=info the failed ones, credentials redacted", async () => {
    for (const level of ["info", "debug"] as const) {
      vi.stubEnv("BSP_SDK_LOG", level);
      const spies = consoleSpies();
      const { fetch } = fakeFetch((_call, n) =>
        n === 1 ? json(200, apiKey) : json(404, { meta: { success: false, http_code: 404, developer_message: KEY } }),
      );
      const d360 = createDialog360Client({ partnerId: "examplePA", apiKey: KEY, baseUrl: "http://127.0.0.1:9", fetch });
      await d360.channels.listBlockedUsers(ref);
      await d360.channels.listBlockedUsers(ref);
      const debugLines = spies.debug.mock.calls.map((c) => String(c[0]));
      const infoLines = spies.info.mock.calls.map((c) => String(c[0]));
      expect(debugLines).toEqual(
        level === "debug"
          ? [
              expect.stringMatching(
                /^\[bsp-sdk\] GET \/api\/v2\/partners\/\{partner_id\}\/channels\/\{channel_id\}\/block_users attempt 1: 200 in [\d.]+ ms$/,
              ),
            ]
          : [],
      );
      expect(infoLines).toEqual([expect.stringMatching(/block_users attempt 1: 404 in [\d.]+ ms$/)]);
      for (const line of [...debugLines, ...infoLines]) expect(line).not.toContain(KEY);
      vi.restoreAllMocks();
    }
  });

  it("warns before a retry that the server's Retry-After holds back more than 2 s", async () => {
    vi.stubEnv("BSP_SDK_LOG", undefined);
    const controller = new AbortController();
    const spies = consoleSpies();
    // Aborting as soon as the warning is written: the test never waits for the retry.
    spies.warn.mockImplementation(() => controller.abort());
    const { fetch, calls } = fakeFetch(() =>
      json(429, { meta: { success: false, http_code: 429, developer_message: "slow down" } }, { "Retry-After": "12" }),
    );
    const d360 = createDialog360Client({
      partnerId: "examplePA",
      apiKey: KEY,
      baseUrl: "http://127.0.0.1:9",
      fetch,
      rateLimit: false,
    });
    const call = d360.clients.getBalance({ clientId: "exampleCL" }, {}, { signal: controller.signal });
    await expect(call).rejects.toMatchObject({ name: "AbortError" });
    expect(calls).toHaveLength(1);
    expect(spies.warn.mock.calls.map((c) => c[0])).toEqual([
      "[bsp-sdk] GET /api/v2/partners/{partner_id}/clients/{client_id}/info/balance will be retried (attempt 2) in 12.0 s: the server's 429 asked for the wait (Retry-After) (budget client-balance|partner_id=examplePA) (pass `logger` to the client to silence or redirect this, or set BSP_SDK_LOG=off)",
    ]);
  });

  it("says so once when BSP_SDK_LOG has an unknown value, and warns as by default", () => {
    vi.stubEnv("BSP_SDK_LOG", "verbose");
    const spies = consoleSpies();
    client();
    expect(spies.warn.mock.calls.map((c) => c[0])).toEqual([
      '[bsp-sdk] BSP_SDK_LOG="verbose" is not one of off,warn,info,debug; using warn',
    ]);
  });

  it("does not read the environment where there is no process (a browser, Deno without env access)", () => {
    const original = Object.getOwnPropertyDescriptor(globalThis, "process") as PropertyDescriptor;
    const levels: string[] = [];
    try {
      Object.defineProperty(globalThis, "process", {
        configurable: true,
        get() {
          throw new Error("PermissionDenied: env access");
        },
      });
      levels.push(consoleLogLevel());
      Object.defineProperty(globalThis, "process", { configurable: true, value: undefined });
      levels.push(consoleLogLevel());
    } finally {
      Object.defineProperty(globalThis, "process", original);
    }
    expect(levels).toEqual(["warn", "warn"]);
  });
});
