import { sendJson, startHttpServer } from "./http-server.ts";

export interface ChannelListServerOptions {
  /** Records the list starts with. */
  count: number;
  /** Delay before each answer, in ms. */
  latencyMs?: number;
  /** The most items the server returns per page, whatever `limit` asks (a server-side cap). */
  maxPageSize?: number;
  /** Called before each list answer with the 0-based request number; may change `records`. */
  beforeAnswer?: (index: number, state: { records: string[] }) => void;
  /** Answer this request number (0-based) with a 500. */
  failAt?: number;
  /** Report this as `total` instead of the real count (a server whose total lies). */
  reportedTotal?: number;
}

/**
 * A 360dialog-shaped channel list with real offset/limit/total behaviour: items are `ch-00000`…,
 * `total` is the current record count, `limit` is capped by `maxPageSize`.
 */
export async function startChannelListServer(options: ChannelListServerOptions) {
  const state = { records: Array.from({ length: options.count }, (_, i) => `ch-${String(i).padStart(5, "0")}`) };
  let index = 0;
  const server = await startHttpServer(async (req, res) => {
    const n = index++;
    options.beforeAnswer?.(n, state);
    if (options.latencyMs) await new Promise((r) => setTimeout(r, options.latencyMs));
    if (n === options.failAt) {
      sendJson(res, 500, {
        meta: { success: false, http_code: 500, developer_message: "boom", "360dialog_trace_id": "trace-500" },
      });
      return;
    }
    const offset = Number(req.url.searchParams.get("offset") ?? 0);
    const limit = Math.min(
      Number(req.url.searchParams.get("limit") ?? 100),
      options.maxPageSize ?? Number.POSITIVE_INFINITY,
    );
    const page = state.records
      .slice(offset, offset + limit)
      .map((id) => ({ id, client_id: "exampleCL", status: "ready" }));
    sendJson(res, 200, {
      count: page.length,
      limit,
      offset,
      total: options.reportedTotal ?? state.records.length,
      partner_channels: page,
      filters: {},
      sort: [],
    });
  });
  return { ...server, state, listRequests: () => server.requests.filter((r) => r.url.pathname.endsWith("/channels")) };
}
