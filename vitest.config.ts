import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts", "examples/**/*.test.ts"],
    globalSetup: ["test/setup/prism.global.ts"],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    // Tests own their servers and ports; running files in parallel on 2 cores is fine.
    pool: "threads",
    // Tests drive 30-second pacing waits on fake clocks by the hundred: the default console logger
    // would warn for each. test/core/default-logger.test.ts sets the variable itself to test it.
    env: { BSP_SDK_LOG: "off" },
  },
});
