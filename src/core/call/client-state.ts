import type { CallRunner, ProviderBinding } from "../contract/call.ts";
import type { ResolvedTransportOptions } from "../contract/client-options.ts";
import type { Authenticator } from "./auth.ts";
import type { Features } from "./load-features.ts";

/** What every call of one client shares: the state each step of the lifecycle is given explicitly. */
export interface ClientState {
  readonly options: ResolvedTransportOptions;
  readonly provider: ProviderBinding;
  readonly auth: Authenticator;
  readonly features: Features;
  /** The lifecycle as the features that send requests of their own (token auth, the escape hatch) use it. */
  readonly runner: CallRunner;
  /** The next attempt's `requestId` for hook events: unique per attempt of this client. */
  readonly nextRequestId: () => number;
}
