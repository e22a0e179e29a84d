import type { ConsoleLogLevel } from "../contract/client-options.ts";

const LEVELS: readonly ConsoleLogLevel[] = ["off", "warn", "info", "debug"];

/**
 * The default console logger's level from `BSP_SDK_LOG`, read where `process.env` exists (Node, Deno
 * with env access, bundlers that define it); anywhere else, or when unset, "warn". Read when a client
 * is built, so setting it needs no code change. An unknown value says so, and means "warn".
 */
export function consoleLogLevel(): ConsoleLogLevel {
  let raw: unknown;
  try {
    raw = (globalThis as { process?: { env?: Record<string, unknown> } }).process?.env?.BSP_SDK_LOG;
  } catch {
    // Deno without --allow-env throws on access; a browser has no process at all.
  }
  const value = String(raw || "warn").toLowerCase();
  if ((LEVELS as readonly string[]).includes(value)) return value as ConsoleLogLevel;
  console.warn(`[bsp-sdk] BSP_SDK_LOG=${JSON.stringify(raw)} is not one of ${LEVELS}; using warn`);
  return "warn";
}
