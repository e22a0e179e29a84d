import type { ConsoleLogLevel, RequestLogLine, ResolvedTransportOptions } from "../contract/client-options.ts";
import type { Clock } from "../contract/clock.ts";
import { callSafely } from "../wire/call-safely.ts";

/** A wait longer than this is warned about before it starts: "a couple of seconds" looks like a hang. */
export const LONG_WAIT_MS = 2_000;

const HINT = "(pass `logger` to the client to silence or redirect this, or set BSP_SDK_LOG=off)";

/** Where a client's log lines go: its logger (one that throws or rejects never fails the call), or the console. */
export function lineWriter(options: ResolvedTransportOptions): (line: RequestLogLine) => void {
  const { logger } = options;
  return logger ? (line) => callSafely(logger, line) : consoleLog(options.consoleLog, options.clock);
}

/**
 * The default logger, used when the client has none: `console.warn` before a wait longer than
 * `LONG_WAIT_MS` and for each drift (level "warn", the default); also every other event line and each
 * failed attempt (`console.info`, level "info"); also each successful attempt (`console.debug`,
 * level "debug"). Lines are the ones a `logger` gets, credentials already redacted.
 *
 * A budget's wait is warned about once: calls queued behind it while that wait lasts (on the client's
 * clock) are not warned about again, so a burst of calls makes one line, not one per call.
 */
export function consoleLog(level: ConsoleLogLevel, clock: Clock): (line: RequestLogLine) => void {
  if (level === "off") return () => {};
  const warnedUntil = new Map<string, number>();
  const firstOfItsWait = (key: string | undefined, waitMs: number): boolean => {
    if (key === undefined) return true;
    const now = clock.now();
    if ((warnedUntil.get(key) ?? Number.NEGATIVE_INFINITY) > now) return false;
    for (const [k, until] of warnedUntil) if (until <= now) warnedUntil.delete(k);
    warnedUntil.set(key, now + waitMs);
    return true;
  };
  return (line) => {
    if (isWarning(line)) {
      const waiting = line.event === "rate_limit_wait" || line.event === "retry_wait";
      if (!waiting || firstOfItsWait(line.key, line.waitMs)) console.warn(`[bsp-sdk] ${describeLine(line)} ${HINT}`);
    } else if (level === "debug" && line.event === undefined && line.error === undefined && (line.status ?? 0) < 400)
      console.debug(`[bsp-sdk] ${describeLine(line)}`);
    else if (level !== "warn" && (line.event !== undefined || line.error !== undefined || (line.status ?? 0) >= 400))
      console.info(`[bsp-sdk] ${describeLine(line)}`);
  };
}

function isWarning(line: RequestLogLine): boolean {
  if (line.event === "rate_limit_wait" || line.event === "retry_wait") return line.waitMs > LONG_WAIT_MS;
  return line.event === "drift";
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** One line of text for a log line. */
export function describeLine(line: RequestLogLine): string {
  if (line.event === "drift")
    return `${line.operation} answered ${line.status} with a body that departs from the spec: ${line.message}`;
  const request = `${line.method} ${line.path}`;
  switch (line.event) {
    case "rate_limit_wait":
      return `${request} waits ${seconds(line.waitMs)} for client-side pacing of its documented rate limit (budget ${line.key})`;
    case "retry_wait":
      return `${request} will be retried (attempt ${line.attempt}) in ${seconds(line.waitMs)}: ${
        line.reason === "retry-after"
          ? `the server's ${line.status ?? ""} asked for the wait (Retry-After)`
          : "back-off"
      }${line.status !== undefined && line.reason === "backoff" ? ` after a ${line.status}` : ""}${line.key ? ` (budget ${line.key})` : ""}`;
    case "rate_limit_pause":
      return `a 429 to ${request} pauses budget ${line.key} for ${seconds(line.pauseMs)}`;
    default:
      return `${request} attempt ${line.attempt}: ${line.status ?? line.error ?? "no response"} in ${line.durationMs} ms${
        line.traceId ? ` (trace id ${line.traceId})` : ""
      }${line.waitMs ? ` after ${line.waitMs} ms of pacing` : ""}`;
  }
}
