export type { MockProvider, MockServer, MockServerOptions } from "./start-mock-server.ts";
export { startMockServer } from "./start-mock-server.ts";
