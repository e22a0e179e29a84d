import type { components } from "../../generated/bird.ts";
import type { BodyOf } from "../core/call/typed-call.ts";
import type { DataOf, ErrorOf } from "../core/contract/error-types.ts";
import type { OperationOf } from "./operations.ts";

// Named types of Bird's Channels API: every object and every method's data and error union, each
// derived from generated/bird.ts (never restated). Objects are interfaces that extend the generated
// shape, so editors show `BirdChannel` rather than its fields; unions are aliases, shown by name too.

type ListOp = OperationOf<"channels.list">;
type GetOp = OperationOf<"channels.get">;
type ContactOp = OperationOf<"channels.getContactDetails">;

/** A Bird channel, as `bird.channels.list` and `bird.channels.get` return it. */
export interface BirdChannel extends NonNullable<DataOf<GetOp>> {}
/** A channel's details for one contact, as `bird.channels.getContactDetails` returns them. */
export interface BirdChannelContactDetails extends NonNullable<DataOf<ContactOp>> {}

/** The errors each page of `bird.channels.list` can return. */
export type BirdChannelListError = ErrorOf<ListOp>;
/** What `bird.channels.get` returns on success. */
export type BirdChannelGetData = BirdChannel;
/** The errors `bird.channels.get` can return. */
export type BirdChannelGetError = ErrorOf<GetOp>;
/** What `bird.channels.getContactDetails` returns on success. */
export type BirdChannelGetContactDetailsData = BirdChannelContactDetails;
/** The errors `bird.channels.getContactDetails` can return. */
export type BirdChannelGetContactDetailsError = ErrorOf<ContactOp>;

type SubscriptionListOp = OperationOf<"webhookSubscriptions.list">;
type SubscriptionCreateOp = OperationOf<"webhookSubscriptions.create">;
type SubscriptionGetOp = OperationOf<"webhookSubscriptions.get">;
type SubscriptionDeleteOp = OperationOf<"webhookSubscriptions.delete">;

/** A webhook subscription, as `bird.webhookSubscriptions` returns it. */
export interface BirdWebhookSubscription extends NonNullable<DataOf<SubscriptionGetOp>> {}
/** The errors each page of `bird.webhookSubscriptions.list` can return. */
export type BirdWebhookSubscriptionListError = ErrorOf<SubscriptionListOp>;
/** The request body of `bird.webhookSubscriptions.create`. */
export interface BirdWebhookSubscriptionCreateParams extends BodyOf<SubscriptionCreateOp> {}
/** What `bird.webhookSubscriptions.create` returns on success. */
export type BirdWebhookSubscriptionCreateData = BirdWebhookSubscription;
/** The errors `bird.webhookSubscriptions.create` can return. */
export type BirdWebhookSubscriptionCreateError = ErrorOf<SubscriptionCreateOp>;
/** What `bird.webhookSubscriptions.get` returns on success. */
export type BirdWebhookSubscriptionGetData = BirdWebhookSubscription;
/** The errors `bird.webhookSubscriptions.get` can return. */
export type BirdWebhookSubscriptionGetError = ErrorOf<SubscriptionGetOp>;
/** What `bird.webhookSubscriptions.delete` returns on success (nothing: 204). */
export type BirdWebhookSubscriptionDeleteData = DataOf<SubscriptionDeleteOp>;
/** The errors `bird.webhookSubscriptions.delete` can return. */
export type BirdWebhookSubscriptionDeleteError = ErrorOf<SubscriptionDeleteOp>;
/**
 * The body of a Bird error response: `code` and `message`, `details` when there are any, and every
 * other field Bird sends (Bird does not document it): what `error.body` holds for `kind: "api"`.
 */
export interface BirdErrorBody extends SchemaBirdError {}
type SchemaBirdError = components["schemas"]["BirdError"];
