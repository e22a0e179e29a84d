import type { ServerResponse } from "node:http";
import { startHttpServer } from "./http-server.ts";

/**
 * A 360dialog look-alike that has drifted from the spec in each way that matters, and one way that
 * does not: a new enum value (`status`), a type change (`has_inbox` as a string), a missing required
 * field (`status_code`, and `input` of a blocked user), and an extra field (`brand_new_field`, not
 * drift). One drifted value carries `echo` (a credential it was sent), to prove reports redact it.
 */
export async function startDriftServer(echo: string) {
  return startHttpServer((req, res: ServerResponse) => {
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    const path = req.url.pathname;
    if (/\/channels$/.test(path)) {
      return send(200, {
        count: 3,
        filters: {},
        limit: 100,
        offset: 0,
        sort: ["id"],
        total: 3,
        partner_channels: [
          { id: "ch-1", status: "ready", has_inbox: true, brand_new_field: { since: "2026" } },
          { id: "ch-2", status: `hibernating ${echo}`, has_inbox: "yes" },
          { id: "ch-3", status: "hibernating", has_inbox: "no", brand_new_field: 2 },
        ],
      });
    }
    if (/\/block_users$/.test(path) && req.method !== "GET") {
      return send(400, { meta: { success: false, http_code: 400, developer_message: "invalid block_users" } });
    }
    if (/\/block_users$/.test(path)) {
      return send(200, {
        data: { block_users: [{ wa_id: "4915112345678" }] },
        meta: { success: true, http_code: 200, developer_message: "ok" },
      });
    }
    if (/\/api_keys$/.test(path)) {
      return send(200, { address: "https://waba-v2.360dialog.io", api_key: "k", app_id: "a", id: "i", extra: true });
    }
    return send(404, { meta: { success: false, http_code: 404, developer_message: "no such path" } });
  });
}
