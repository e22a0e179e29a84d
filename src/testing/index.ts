export { PROVIDERS, type ProviderName } from "../providers.ts";
export type { DriftReport, DriftSummaryRow, OverlayAction } from "./drift-report.ts";
export { driftReport } from "./drift-report.ts";
export { type SendWebhookOptions, sendWebhook } from "./send-webhook.ts";
export { type SignWebhookOptions, signWebhook } from "./sign-webhook.ts";
export type { ContractProxy, ContractProxyOptions, ContractViolation } from "./start-contract-proxy.ts";
export { startContractProxy } from "./start-contract-proxy.ts";
export type {
  MockClientOptions,
  MockProvider,
  MockServer,
  MockServerOptions,
  PreferOptions,
} from "./start-mock-server.ts";
export { preferHeader, startMockServer } from "./start-mock-server.ts";
