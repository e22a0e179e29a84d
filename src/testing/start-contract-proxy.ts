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
  let upstream: URL;
  try {
    upstream = new URL(options?.upstream);
  } catch {
    throw new TypeError("startContractProxy: upstream must be an absolute http(s) URL");
  }
  if (upstream.protocol !== "https:" && upstream.protocol !== "http:") {
    throw new TypeError("startContractProxy: upstream must be an absolute http(s) URL");
  }
  if (upstream.username || upstream.password) {
    throw new TypeError("startContractProxy: upstream must not carry credentials; the client sends them");
  }
  const prism = await launchPrism(
    ["proxy", fileURLToPath(spec), upstream.href.replace(/\/+$/, "")],
    0,
    options.startTimeout ?? 30_000,
    "startContractProxy",
  );
  const redactor = new Redactor();
  // The spec's credential headers and the generic sensitive ones: their values never reach a report.
  const sensitive = redactedHeaders(OPERATIONS[provider].securitySchemes);
  const match = operationMatcher(OPERATIONS[provider]);
  const found = new Map<string, ContractViolation>();
  let requests = 0;
  const redact = (text: string) => redactor.redact(text);

  const server = createServer((req, res) => {
    forward(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(502, { "content-type": "text/plain" });
      res.end(`contract proxy: ${redact(error instanceof Error ? error.message : String(error))}`);
    });
  });

  async function forward(req: IncomingMessage, res: ServerResponse) {
    requests += 1;
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value === undefined || name === "host" || name === "connection" || name === "content-length") continue;
      const values = Array.isArray(value) ? value : [value];
      for (const v of values) headers.append(name, v);
      if (sensitive.has(name)) {
        for (const v of values) {
          redactor.add(v);
          // `Bearer <token>`, `AccessKey <key>`: the credential without its scheme too.
          redactor.add(v.split(" ").at(-1));
        }
      }
    }
    const method = req.method ?? "GET";
    const answer = await fetch(`${prism.url}${req.url ?? "/"}`, {
      method,
      headers,
      body: chunks.length > 0 && method !== "GET" && method !== "HEAD" ? Buffer.concat(chunks) : undefined,
      redirect: "manual",
    });
    const body = Buffer.from(await answer.arrayBuffer());
    record(method, req.url ?? "/", answer.status, answer.headers.get("sl-violations"));
    const out: Record<string, string> = {};
    answer.headers.forEach((value, name) => {
      if (name !== "content-encoding" && name !== "content-length" && name !== "transfer-encoding") out[name] = value;
    });
    res.writeHead(answer.status, out);
    res.end(body);
  }

  function record(method: string, rawUrl: string, status: number, header: string | null) {
    if (!header) return;
    let list: { location?: unknown[]; message?: string; severity?: unknown }[];
    try {
      list = JSON.parse(header.replace(/^Too many violations! /, ""));
    } catch {
      list = [{ location: [], message: "Prism reported more violations than its header holds", severity: "error" }];
    }
    const matched = match("http://proxy", new URL(rawUrl, "http://proxy").href, method.toLowerCase() as HttpMethod);
    const operation = `${method} ${matched?.path ?? new URL(rawUrl, "http://proxy").pathname}`;
    for (const v of Array.isArray(list) ? list : []) {
      const location = (v.location ?? []).map(String);
      const direction = location[0] === "request" ? "request" : "response";
      // Array indices become "*" (in the pointer and in Prism's message), so one drift in many items is one
      // violation; a missing required property is pointed at, as a drift report does.
      const message = redact(String(v.message ?? "")).replace(/\.\d+(?=[.\s]|$)/g, ".*");
      const missing = /must have required property '([^']+)'/.exec(message)?.[1];
      const pointer = `/${[...location.slice(1), ...(missing ? [missing] : [])]
        .map((s) => (/^\d+$/.test(s) ? "*" : pointerToken(s)))
        .join("/")}`;
      const key = `${operation}\n${direction}\n${pointer}\n${message}`;
      const seen = found.get(key);
      if (seen) {
        seen.count += 1;
        continue;
      }
      if (found.size >= MAX_DISTINCT) continue;
      found.set(key, {
        operation,
        direction,
        pointer,
        message,
        severity: (typeof v.severity === "string" ? v.severity : severityName(v.severity)).toLowerCase(),
        ...(direction === "response" ? { status } : {}),
        count: 1,
      });
    }
  }

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
    violations: () => [...found.values()].map((v) => ({ ...v })),
    get requests() {
      return requests;
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

/** Prism's numeric severities (DiagnosticSeverity: 0 error, 1 warning, 2 information, 3 hint). */
function severityName(value: unknown): string {
  return ["error", "warning", "information", "hint"][Number(value)] ?? String(value);
}
