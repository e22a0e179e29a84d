/** The providers this package has a client for: the scripts, the mock, the contract proxy and the CLI read the list from here. */
export const PROVIDERS = ["360dialog", "bird"] as const;

/** One of `PROVIDERS`. */
export type ProviderName = (typeof PROVIDERS)[number];
