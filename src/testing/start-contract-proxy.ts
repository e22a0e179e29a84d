import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import {
  operations as dialog360Operations,
  securitySchemes as dialog360Schemes,
} from "../../generated/360dialog-meta.ts";
import { operations as birdOperations, securitySchemes as birdSchemes } from "../../generated/bird-meta.ts";
import type { HttpMethod, ProviderMeta } from "../core/contract/operation-meta.ts";
import { pointerToken } from "../core/results/check-shape.ts";
import { Redactor } from "../core/results/redactor.ts";
import { redactedHeaders } from "../core/wire/credential-headers.ts";
import { operationMatcher } from "../core/wire/match-operation.ts";
import { PROVIDERS } from "../providers.ts";
import { launchPrism, type MockProvider, SPECS, stopPrism } from "./start-mock-server.ts";

/** Options of `startContractProxy`. */
export interface ContractProxyOptions {
  /** The real or staging API the proxy forwards to, such as `https://hub.360dialog.io`. */
  upstream: string;
  /**
   * How long to wait for Prism to start listening, in milliseconds.
   * @default 30000
   */
  startTimeout?: number;
}

/** One place where a request or a response departed from the bundled spec. */
export interface ContractViolation {
  /** `METHOD /path/template`, or `METHOD /path` when the path is not in the spec. */
  operation: string;
  /** Whether the request sent or the response received broke the spec. */
  direction: "request" | "response";
  /** Where, as a JSON pointer into the request or response (`/body/partner_channels/*` + `/status`; array indices as `*`). */
  pointer: string;
  /** Prism's description, with every credential the proxy saw redacted. */
  message: string;
  /** Prism's severity ("error" or "warning"). */
  severity: string;
  /** The response status, for a response violation. */
  status?: number;
  /** How many times this violation was seen. */
  count: number;
}

/** A running contract proxy: point a client at `url` (or spread `clientOptions`), then read `violations()`. */
export interface ContractProxy {
  /** The proxy's URL, e.g. `http://127.0.0.1:43125`. */
  readonly url: string;
  /** `{ baseUrl }`: spread into a client's options (pacing stays on: the upstream is a real API). */
  readonly clientOptions: { readonly baseUrl: string };
  /** Every distinct violation seen so far, in the order first seen; credentials never appear. */
  violations(): ContractViolation[];
  /** Requests forwarded so far. */
  readonly requests: number;
  /** Stops the proxy and Prism. Safe to call more than once. */
  close(): Promise<void>;
}

const OPERATIONS: Record<MockProvider, Pick<ProviderMeta, "operations" | "securitySchemes">> = {
  "360dialog": { operations: dialog360Operations, securitySchemes: dialog360Schemes },
  bird: { operations: birdOperations, securitySchemes: birdSchemes },
};

const MAX_DISTINCT = 1000;

/**
 * Runs Prism in proxy mode (`prism proxy`) in front of a real or staging API, so contract tests in
 * your CI exercise the real service and collect every request and response that departs from the
 * bundled spec, as structured violations (operation, direction, pointer, message).
 *
 * The proxy never writes a credential anywhere: the values of `Authorization`, `X-API-Key` and the
 * like (and any password in `upstream`) are redacted from every message. Same lifecycle as
 * `startMockServer`: Prism binds its own port, readiness is an HTTP answer, Prism exits with the
 * process that started it, and `close()` is idempotent.
 *
 * @example
 * const proxy = await startContractProxy("360dialog", { upstream: "https://hub.360dialog.io" });
 * const d360 = createDialog360Client({ partnerId, apiKey, ...proxy.clientOptions });
 * await d360.channels.list({ pageSize: 5, maxItems: 5 }).toArray();
 * expect(proxy.violations()).toEqual([]);
 * await proxy.close();
 */
export async function startContractProxy(
  provider: MockProvider,
  options: ContractProxyOptions,
): Promise<ContractProxy> {
  const spec = SPECS[provider];
  if (!spec)
    throw new TypeError(
      `Unknown provider ${JSON.stringify(provider)}; expected ${PROVIDERS.map((p) => JSON.stringify(p)).join(" or ")}`,
    );
  const upstream = checkUpstream(options?.upstream);
  const prism = await launchPrism(
    ["proxy", fileURLToPath(spec), upstream.href.replace(/\/+$/, "")],
    0,
    options.startTimeout ?? 30_000,
    "startContractProxy",
  );
  const proxy: ProxyState = {
    prismUrl: prism.url,
    redactor: new Redactor(),
    // The spec's credential headers and the generic sensitive ones: their values never reach a report.
    sensitive: redactedHeaders(OPERATIONS[provider].securitySchemes),
    violations: new ViolationLog(operationMatcher(OPERATIONS[provider])),
    requests: 0,
  };
  const server = createServer((req, res) => {
    forward(proxy, req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(502, { "content-type": "text/plain" });
      res.end(`contract proxy: ${proxy.redactor.redact(error instanceof Error ? error.message : String(error))}`);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  }).catch(async (error: unknown) => {
    await stopPrism(prism.process);
    throw error;
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  let closing: Promise<void> | undefined;
  return {
    url,
    clientOptions: Object.freeze({ baseUrl: url }),
    violations: () => proxy.violations.list(),
    get requests() {
      return proxy.requests;
    },
    close: () => {
      closing ??= (async () => {
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await stopPrism(prism.process);
      })();
      return closing;
    },
  };
}

/** The upstream API: an absolute http(s) URL without credentials (the client sends those). */
function checkUpstream(value: string | undefined): URL {
  let upstream: URL;
  try {
    upstream = new URL(value as string);
  } catch {
    throw new TypeError("startContractProxy: upstream must be an absolute http(s) URL");
  }
  if (upstream.protocol !== "https:" && upstream.protocol !== "http:") {
    throw new TypeError("startContractProxy: upstream must be an absolute http(s) URL");
  }
  if (upstream.username || upstream.password) {
    throw new TypeError("startContractProxy: upstream must not carry credentials; the client sends them");
  }
  return upstream;
}

/** What the proxy keeps while it runs. */
interface ProxyState {
  prismUrl: string;
  /** Learns every credential that passes (never written anywhere) and removes it from messages. */
  redactor: Redactor;
  sensitive: ReadonlySet<string>;
  violations: ViolationLog;
  requests: number;
}

/** One request through Prism (which validates it and its answer) to the upstream API, and back. */
async function forward(proxy: ProxyState, req: IncomingMessage, res: ServerResponse): Promise<void> {
  proxy.requests += 1;
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const method = req.method ?? "GET";
  const answer = await fetch(`${proxy.prismUrl}${req.url ?? "/"}`, {
    method,
    headers: forwardedHeaders(proxy, req),
    body: chunks.length > 0 && method !== "GET" && method !== "HEAD" ? Buffer.concat(chunks) : undefined,
    redirect: "manual",
  });
  const body = Buffer.from(await answer.arrayBuffer());
  const header = answer.headers.get("sl-violations");
  if (header) proxy.violations.record(method, req.url ?? "/", answer.status, proxy.redactor, header);
  const out: Record<string, string> = {};
  answer.headers.forEach((value, name) => {
    if (name !== "content-encoding" && name !== "content-length" && name !== "transfer-encoding") out[name] = value;
  });
  res.writeHead(answer.status, out);
  res.end(body);
}

/** The request's headers as Prism gets them; the values of credential headers are learnt for redaction. */
function forwardedHeaders(proxy: ProxyState, req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || name === "host" || name === "connection" || name === "content-length") continue;
    const values = Array.isArray(value) ? value : [value];
    for (const v of values) headers.append(name, v);
    if (!proxy.sensitive.has(name)) continue;
    for (const v of values) {
      proxy.redactor.add(v);
      // `Bearer <token>`, `AccessKey <key>`: the credential without its scheme too.
      proxy.redactor.add(v.split(" ").at(-1));
    }
  }
  return headers;
}

/** The distinct violations Prism reported (its `sl-violations` header), each counted, bounded in number. */
class ViolationLog {
  readonly #found = new Map<string, ContractViolation>();
  readonly #match: ReturnType<typeof operationMatcher>;

  constructor(match: ReturnType<typeof operationMatcher>) {
    this.#match = match;
  }

  list(): ContractViolation[] {
    return [...this.#found.values()].map((v) => ({ ...v }));
  }

  record(method: string, rawUrl: string, status: number, redactor: Redactor, header: string): void {
    let reported: { location?: unknown[]; message?: string; severity?: unknown }[];
    try {
      reported = JSON.parse(header.replace(/^Too many violations! /, ""));
    } catch {
      reported = [{ location: [], message: "Prism reported more violations than its header holds", severity: "error" }];
    }
    const url = new URL(rawUrl, "http://proxy");
    const matched = this.#match("http://proxy", url.href, method.toLowerCase() as HttpMethod);
    const operation = `${method} ${matched?.path ?? url.pathname}`;
    for (const v of Array.isArray(reported) ? reported : []) {
      const location = (v.location ?? []).map(String);
      const direction = location[0] === "request" ? "request" : "response";
      // Array indices become "*" (in the pointer and in Prism's message), so one drift in many items is one
      // violation; a missing required property is pointed at, as a drift report does.
      const message = redactor.redact(String(v.message ?? "")).replace(/\.\d+(?=[.\s]|$)/g, ".*");
      const missing = /must have required property '([^']+)'/.exec(message)?.[1];
      const pointer = `/${[...location.slice(1), ...(missing ? [missing] : [])]
        .map((s) => (/^\d+$/.test(s) ? "*" : pointerToken(s)))
        .join("/")}`;
      const severity = (typeof v.severity === "string" ? v.severity : severityName(v.severity)).toLowerCase();
      this.#add({ operation, direction, pointer, message, severity, ...(direction === "response" ? { status } : {}) });
    }
  }

  #add(violation: Omit<ContractViolation, "count">): void {
    const key = `${violation.operation}\n${violation.direction}\n${violation.pointer}\n${violation.message}`;
    const seen = this.#found.get(key);
    if (seen) seen.count += 1;
    else if (this.#found.size < MAX_DISTINCT) this.#found.set(key, { ...violation, count: 1 });
  }
}

/** Prism's numeric severities (DiagnosticSeverity: 0 error, 1 warning, 2 information, 3 hint). */
function severityName(value: unknown): string {
  return ["error", "warning", "information", "hint"][Number(value)] ?? String(value);
}
