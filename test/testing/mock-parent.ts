// Started by start-mock-server.test.ts as a separate process: starts a mock, prints its URL, then
// waits to be killed without closing it (the orphan case).
import { startMockServer } from "../../src/testing/start-mock-server.ts";

const mock = await startMockServer("bird");
process.stdout.write(`${JSON.stringify({ url: mock.url, pid: process.pid })}\n`);
setInterval(() => {}, 1 << 30);
