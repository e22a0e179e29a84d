import { startMockServer } from "../src/testing/start-mock-server.ts";
import { parseProvider } from "./providers.ts";

// `npm run mock [-- bird]` / `make mock PROVIDER=bird`: Prism on 127.0.0.1:4010 (PORT overrides).
const provider = parseProvider(process.argv[2] ?? process.env.PROVIDER ?? "360dialog");
const port = Number(process.env.PORT ?? 4010);
const started = performance.now();
const mock = await startMockServer(provider, { port });
console.log(
  `Prism is serving openapi/dist/${provider}.json at ${mock.url} (started in ${(performance.now() - started).toFixed(0)} ms). Ctrl-C stops it.`,
);
const shutdown = () => void mock.close().then(() => process.exit(0));
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
