import type { Call } from "../contract/call.ts";

/** A documented rate limit as one budget: its key, and how many requests it allows per window. */
export interface Budget {
  key: string;
  limit: number;
  windowMs: number;
}

/** The budget a call is counted in: the spec's bucket, per the path parameters it names. */
export function budgetOf(call: Call): Budget | undefined {
  const rule = call.meta?.rateLimit;
  if (!rule) return undefined;
  const per = (rule.per ?? []).map((name) => `${name}=${String(call.pathParams?.[name] ?? "")}`);
  const key = [rule.bucket ?? `${call.method} ${call.path}`, ...per].join("|");
  return { key, limit: rule.limit, windowMs: rule.windowSeconds * 1000 };
}
