import { execFile } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { promisify } from "node:util";
import { ROOT } from "../scripts/providers.ts";

const run = promisify(execFile);

const CALLS = [
  `d360.channels.list({ filters: { status: "ready" }, sort: ["-created_at"] })`,
  `d360.channels.list({ filters: { "client.name": "Acme", q: "+49" }, sort: "client.name", pageSize: 50 })`,
  `d360.clients.list({ filters: { "contact_info.country": "DE" }, sort: ["-name", "created_at"] })`,
  `await d360.channels.createApiKey({ channelId: "c" })`,
  `await d360.channels.listBlockedUsers({ channelId: "c" })`,
  `await d360.channels.blockUsers({ channelId: "c" }, { block_users: [{ user: "1" }] })`,
  `await d360.channels.unblockUsers({ channelId: "c" }, { block_users: [{ user: "1" }] })`,
  `await d360.channels.updateDisplayName({ clientId: "cl", channelId: "c" }, { name: "n" })`,
  `await d360.channels.reactivate({ clientId: "cl", channelId: "c" })`,
  `await d360.channels.getCommerceSettings({ clientId: "cl", channelId: "c" })`,
  `await d360.channels.updateCommerceSettings({ clientId: "cl", channelId: "c" }, { is_cart_enabled: true, is_catalog_visible: true })`,
  `await d360.channels.requestCancellation({ clientId: "cl", channelId: "c" })`,
  `await d360.channels.enableLocalStorage({ clientId: "cl", channelId: "c" }, { data_localization_region: "DE" })`,
  `await d360.channels.disableLocalStorage({ clientId: "cl", channelId: "c" })`,
  `await d360.clients.update({ clientId: "cl" }, { max_channels: 3 })`,
  `await d360.clients.getBalance({ clientId: "cl" }, { granularity: "DAY" })`,
  `await d360.clients.listSharedNumbers({ clientId: "cl" })`,
  `await d360.partner.update({ webhook_url: "https://x" })`,
  `await d360.partner.setDefaultDataLocalizationRegion({ default_data_localization_region: "DE" })`,
];

/** A consumer file with 30 typed calls (filters, sort, error narrowing) vs the same file with none. */
export async function typeCheckCost() {
  const dir = `${ROOT}bench/.tmp/type-check`;
  mkdirSync(dir, { recursive: true });
  const header = `import { createDialog360Client } from "../../../src/360dialog/index.ts";\nconst d360 = createDialog360Client({ partnerId: "p", apiKey: "k" });\n`;
  const calls = Array.from({ length: 30 }, (_, i) => {
    const call = CALLS[i % CALLS.length] as string;
    if (!call.startsWith("await")) return `  for await (const item of ${call}) void item;`;
    return `  { const r = ${call}; if (r.error) { if (r.error.kind === "api" && r.error.status === 404) void r.error.body.meta.developer_message; else void r.error.message; } else void r.data; }`;
  });
  writeFileSync(`${dir}/with-calls.ts`, `${header}export async function main() {\n${calls.join("\n")}\n}\n`);
  writeFileSync(`${dir}/baseline.ts`, `${header}export async function main() {\n  void d360;\n}\n`);
  const tsc = `${ROOT}node_modules/typescript/bin/tsc`;
  const measure = async (file: string) => {
    const args = [
      tsc,
      "--noEmit",
      "--extendedDiagnostics",
      "--strict",
      "--skipLibCheck",
      "--target",
      "es2023",
      "--module",
      "nodenext",
      "--allowImportingTsExtensions",
      "--types",
      "node",
      file,
    ];
    const { stdout } = await run(process.execPath, args, { cwd: ROOT, maxBuffer: 1 << 22 });
    const num = (label: string) => Number((stdout.match(new RegExp(`${label}:\\s+([\\d.]+)`)) ?? [])[1]);
    return {
      checkS: num("Check time"),
      totalS: num("Total time"),
      instantiations: num("Instantiations"),
      memoryK: num("Memory used"),
    };
  };
  const baseline = await measure(`${dir}/baseline.ts`);
  const withCalls = await measure(`${dir}/with-calls.ts`);
  return { baseline, withCalls };
}

if (import.meta.main) console.log(await typeCheckCost());
