/**
 * The name of a webhook event this version of bsp-sdk does not know. At run time it is the string the
 * vendor sent (`String(event.event)` gives it); its type is kept apart from the known names, so that a
 * `switch (event.event)` over them narrows each known event to its own type and leaves the unknown
 * ones to `default`.
 */
// biome-ignore lint/complexity/noBannedTypes: the String interface (not the primitive) keeps the name apart from the known literals while offering every string method.
export type UnknownWebhookEventName = String & { readonly unknownWebhookEvent: true };

/** A webhook event this version does not know, passed through with every field the vendor sent. */
export interface UnknownWebhookEvent {
  readonly event: UnknownWebhookEventName;
  readonly [field: string]: unknown;
}

/** The JSON body an OpenAPI 3.1 `webhooks` entry (as openapi-typescript generates it) declares. */
export type WebhookBody<Item> = Item extends {
  post?: { requestBody?: { content: { "application/json": infer B } } } | undefined;
}
  ? B
  : never;
