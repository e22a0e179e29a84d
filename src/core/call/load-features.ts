import type { CallRunner, ProviderBinding } from "../contract/call.ts";
import type { RequestLogLine, ResolvedTransportOptions } from "../contract/client-options.ts";
import type { Redaction } from "../contract/redaction.ts";

// The one module that loads optional features. Each loads on first use, so a client pays (in start-up
// time and, for apps that bundle, in initial chunk size) only for what its calls use: an app's bundler
// puts each behind its own lazy chunk. Every `import()` of the core is here; nothing else about a
// feature depends on it being lazy.

type PacerModule = typeof import("../features/pacer.ts");
type DriftModule = typeof import("../features/drift.ts");

/** The optional features of one client, loaded on first use; stateful ones (pacer, drift monitor) are made once per client. */
export interface Features {
  /** Client-side pacing of documented rate limits (with the in-memory store unless one is given). */
  pacer(): Promise<ReturnType<PacerModule["createPacer"]>>;
  /** `onRequest` / `onResponse` around each attempt. */
  hooks(): Promise<typeof import("../features/hooks.ts")>;
  /** The logger's line for an attempt. */
  logLines(): Promise<typeof import("../features/log-line.ts")>;
  /** Where log lines go: the caller's logger (a failing one never fails the call), or the default console logger. */
  log(): Promise<(line: RequestLogLine) => void>;
  /** The retry policy, on the first outcome that is not a success. */
  retryPolicy(): Promise<typeof import("../features/retry-policy.ts")>;
  /** ky scheduling retries, on the first outcome the policy retries. */
  retryScheduler(): Promise<typeof import("../features/retry-with-ky.ts")>;
  /** Checks of per-call options. */
  requestOptions(): Promise<typeof import("../options/request-options.ts")>;
  /** Checks of path parameters against the formats the spec declares. */
  pathFormats(): Promise<typeof import("../options/check-path-formats.ts")>;
  /** Checks of query parameters against the spec, and the JSON query encoding. */
  queryChecks(): Promise<typeof import("../options/validate-query.ts")>;
  /** The error factory, on the first failure. */
  errors(): Promise<typeof import("../results/error-factory.ts")>;
  /** Response validation (`validateResponses`). */
  drift(): Promise<ReturnType<DriftModule["createDriftMonitor"]>>;
  /** `client.api`'s fetch: its requests routed into the lifecycle. */
  escapeHatch(): Promise<(request: Request) => Promise<Response>>;
  /** The redactor of the client's secrets (and the tokens it learns). */
  redactor(): Promise<Redaction>;
  /** A secret learned after construction: added to the redactor, now or when it loads. */
  addSecret(secret: string | undefined): void;
  /** Bearer tokens from a login. */
  tokenAuth(): Promise<typeof import("../features/token-auth.ts")>;
}

/** The query checks, on a call's first query. */
const loadQueryChecks = () => import("../options/validate-query.ts");

/** The page machinery and the checks of a list's params, on a list's first iteration. */
export const loadListMachinery = () =>
  Promise.all([import("../pagination/page-sources.ts"), import("../pagination/prepare-list.ts")]).then(
    ([pages, prepare]) => ({ pageSource: pages.pageSource, prepareList: prepare.prepareList }),
  );

/** The features of one client: its options, provider and runner (for features that send requests). */
export function loadFeatures(client: {
  options: ResolvedTransportOptions;
  provider: ProviderBinding;
  runner: () => CallRunner;
}): Features {
  let pacer: ReturnType<Features["pacer"]> | undefined;
  let drift: ReturnType<Features["drift"]> | undefined;
  let escapeHatch: ReturnType<Features["escapeHatch"]> | undefined;
  let redactor: Promise<Redaction> | undefined;
  const learned: string[] = [];
  let log: Promise<(line: RequestLogLine) => void> | undefined;
  const logTo = () => {
    log ??= import("../features/console-log.ts").then((m) => m.lineWriter(client.options));
    return log;
  };
  const redaction = () => {
    redactor ??= import("../results/redactor.ts").then(({ Redactor }) => {
      const made = new Redactor();
      for (const secret of [...client.provider.secrets, ...learned]) made.add(secret);
      return made;
    });
    return redactor;
  };
  return {
    pacer: () => {
      pacer ??= Promise.all([import("../features/pacer.ts"), logTo()]).then(([m, write]) =>
        m.createPacer(client.options.rateLimit, client.options.clock, write),
      );
      return pacer;
    },
    hooks: () => import("../features/hooks.ts"),
    logLines: () => import("../features/log-line.ts"),
    log: logTo,
    retryPolicy: () => import("../features/retry-policy.ts"),
    retryScheduler: () => import("../features/retry-with-ky.ts"),
    requestOptions: () => import("../options/request-options.ts"),
    queryChecks: loadQueryChecks,
    pathFormats: () => import("../options/check-path-formats.ts"),
    errors: () => import("../results/error-factory.ts"),
    drift: () => {
      drift ??= Promise.all([import("../features/drift.ts"), redaction(), logTo()]).then(([m, redactor, write]) =>
        m.createDriftMonitor(client.options, write, redactor, client.provider.meta.loadResponses),
      );
      return drift;
    },
    escapeHatch: () => {
      escapeHatch ??= import("../features/api-fetch.ts").then((m) => m.createEscapeHatch(client.runner()));
      return escapeHatch;
    },
    redactor: redaction,
    addSecret: (secret) => {
      if (!secret) return;
      learned.push(secret);
      void redactor?.then((made) => made.add(secret));
    },
    tokenAuth: () => import("../features/token-auth.ts"),
  };
}
