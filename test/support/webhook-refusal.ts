import { expect } from "vitest";
import { isWebhookVerificationError, type WebhookVerificationError } from "../../src/360dialog/index.ts";

/** The WebhookVerificationError a verification rejects with (failing the test if it resolves or throws anything else). */
export async function refusal(promise: Promise<unknown>): Promise<WebhookVerificationError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isWebhookVerificationError(error)).toBe(true);
  return error as WebhookVerificationError;
}
