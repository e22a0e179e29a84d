export type {
  MockClientOptions,
  MockProvider,
  MockServer,
  MockServerOptions,
  PreferOptions,
} from "./start-mock-server.ts";
export { preferHeader, startMockServer } from "./start-mock-server.ts";
