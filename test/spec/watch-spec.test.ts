import { readFileSync } from "node:fs";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { readManifest, writeManifest } from "../../scripts/sources.ts";
import { watchSpec } from "../../scripts/watch-spec.ts";
import { startHttpServer } from "../support/http-server.ts";
import { copyOfRepo, removeCopies, snapshotTree } from "../support/repo-copy.ts";

const page = readFileSync(new URL("../fixtures/360dialog-channel-management.md", import.meta.url), "utf8");
const secondPage = readFileSync(new URL("../fixtures/pages/second-page.md", import.meta.url), "utf8");

// What the local server answers per path; each test sets it.
type Answer = { status?: number; type?: string; body: string };
let answers: Record<string, Answer> = {};
const server = await startHttpServer((req, res) => {
  const answer = answers[req.url.pathname];
  if (!answer) {
    res.writeHead(404, { "content-type": "text/plain" }).end("not found");
    return;
  }
  res.writeHead(answer.status ?? 200, { "content-type": answer.type ?? "text/markdown; charset=utf-8" });
  res.end(answer.body);
});
// A port nothing listens on: a closed server's.
let unreachable = "";
beforeAll(async () => {
  const closed = await startHttpServer(() => {});
  unreachable = closed.url;
  await closed.close();
});
afterAll(() => server.close());
afterEach(() => {
  removeCopies();
  answers = {};
  server.requests.length = 0;
});

/** A repository copy whose tracked 360dialog pages are served by the local server. */
function repoServedLocally(base = server.url) {
  const root = copyOfRepo();
  const manifest = readManifest("360dialog", root);
  for (const source of manifest.sources) {
    if (source.kind === "published") source.markdown = `${base}/360dialog/${source.id}.md`;
  }
  writeManifest(manifest, root);
  return root;
}
const serve = (channel: Answer, webhook: Answer = { body: secondPage }) => {
  answers = { "/360dialog/channel-management.md": channel, "/360dialog/webhook-management.md": webhook };
};
// Bounded retries without waiting: ky's delay is injected, so no test depends on timing.
const watch = (root: string) =>
  watchSpec({ root, fetch: { retry: { limit: 2, delay: () => 0 } }, today: new Date("2030-01-02T00:00:00Z") });
const withoutOperation = (title: string) =>
  page
    .split("\n## ")
    .filter((s) => !s.startsWith(title))
    .join("\n## ");

describe("watch-spec against a local server serving saved pages", () => {
  it("unchanged pages: status unchanged, no file written", async () => {
    const root = repoServedLocally();
    serve({ body: page });
    const first = await watch(root);
    expect(first.status).toBe("changed"); // the second page's first retrieval
    const before = snapshotTree(root);
    const report = await watch(root);
    expect(report.status).toBe("unchanged");
    expect(report.markdown).toMatch(/## Spec watch: no change/);
    expect(snapshotTree(root)).toEqual(before);
  });

  it("a changed page with additive changes: status changed, not breaking", async () => {
    const root = repoServedLocally();
    serve({ body: page });
    const report = await watch(root);
    expect(report.status).toBe("changed");
    expect(report.markdown).toMatch(/\| 360dialog \| \[webhook-management\]\(\S+\) \| first retrieval \| 2 \| 0 \|/);
    expect(report.markdown).toMatch(/GET \/api\/v2\/partners\/\{partner_id\}\/example_events {2}operation added/);
    expect(report.markdown).not.toMatch(/^BREAKING/m);
    expect(report.markdown).toMatch(/Semver: a summary with a BREAKING row is a major release/);
  });

  it("a breaking change: status breaking, the summary's BREAKING row names the operation", async () => {
    const root = repoServedLocally();
    serve({ body: withoutOperation("Disable local storage") });
    const report = await watch(root);
    expect(report.status).toBe("breaking");
    expect(report.markdown).toMatch(
      /BREAKING {2}POST \/api\/v2\/partners\/\{partner_id\}\/clients\/\{client_id\}\/channels\/\{channel_id\}\/control\/disable_local_storage {2}operation removed/,
    );
  });

  it("an unreachable page: failed, naming the page, nothing written", async () => {
    const root = repoServedLocally(unreachable);
    const before = snapshotTree(root);
    const report = await watch(root);
    expect(report.status).toBe("failed");
    expect(report.markdown).toMatch(
      /channel-management: GET http:\/\/127\.0\.0\.1:\d+\/360dialog\/channel-management\.md failed: ECONNREFUSED/,
    );
    expect(snapshotTree(root)).toEqual(before);
  });

  it("a server error is retried a bounded number of times, then fails naming the page", async () => {
    const root = repoServedLocally();
    serve({ status: 503, type: "text/plain", body: "busy" });
    const report = await watch(root);
    expect(report.status).toBe("failed");
    expect(report.markdown).toMatch(/channel-management: GET \S+ answered 503 Service Unavailable/);
    expect(server.requests.filter((r) => r.url.pathname === "/360dialog/channel-management.md")).toHaveLength(3);
  });

  it("a 404 or an HTML error page: failed, naming each page, nothing written", async () => {
    const root = repoServedLocally();
    const before = snapshotTree(root);
    answers = {
      "/360dialog/channel-management.md": { type: "text/html", body: "<!DOCTYPE html><html><body>Oops</body></html>" },
    };
    const report = await watch(root);
    expect(report.status).toBe("failed");
    expect(report.markdown).toMatch(
      /channel-management: GET \S+ answered an HTML page \(200, text\/html\), not Markdown/,
    );
    expect(report.markdown).toMatch(/webhook-management: GET \S+ answered 404 Not Found/);
    expect(snapshotTree(root)).toEqual(before);
  });

  it("a page that lost its OpenAPI blocks: failed, naming the page", async () => {
    const root = repoServedLocally();
    serve({ body: "# Channel Management\n\nMoved elsewhere.\n" });
    const report = await watch(root);
    expect(report.status).toBe("failed");
    expect(report.markdown).toMatch(/channel-management \(\S+\): the page has no OpenAPI blocks/);
  });

  it("an overlay that stops matching: failed, naming the overlay and its action, nothing written", async () => {
    const root = repoServedLocally();
    const before = snapshotTree(root);
    serve({ body: withoutOperation("Generate API Key for a Specified Channel") });
    const report = await watch(root);
    expect(report.status).toBe("failed");
    expect(report.markdown).toMatch(/## Spec watch: the bundle cannot be built from the vendor's pages/);
    expect(report.markdown).toMatch(/360dialog\/overlays\/\S+\.yaml: action #\d+ \(.*\) matched nothing/);
    expect(snapshotTree(root)).toEqual(before);
  });
});
