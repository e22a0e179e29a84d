import type { components } from "../../generated/360dialog.ts";
import type { BodyOf, QueryOf } from "../core/call/typed-call.ts";
import type { DataOf, ErrorOf } from "../core/contract/error-types.ts";
import type { BalanceDate } from "./balance-dates.ts";
import type { OperationOf } from "./operations.ts";

// Named types of the 360dialog Partner API: every object and every method's params, data and error
// union, each derived from generated/360dialog.ts (never restated). Objects are interfaces that extend
// the generated shape, so editors show `ApiKey` rather than its fields; unions are aliases, which
// editors show by name too. test/types/named-types.test.ts checks both as a hover shows them.

type ChannelCreateApiKeyOp = OperationOf<"channels.createApiKey">;
type ChannelListBlockedUsersOp = OperationOf<"channels.listBlockedUsers">;
type ChannelBlockUsersOp = OperationOf<"channels.blockUsers">;
type ChannelUnblockUsersOp = OperationOf<"channels.unblockUsers">;
type ChannelUpdateDisplayNameOp = OperationOf<"channels.updateDisplayName">;
type ChannelReactivateOp = OperationOf<"channels.reactivate">;
type ChannelGetCommerceSettingsOp = OperationOf<"channels.getCommerceSettings">;
type ChannelUpdateCommerceSettingsOp = OperationOf<"channels.updateCommerceSettings">;
type ChannelRequestCancellationOp = OperationOf<"channels.requestCancellation">;
type ChannelEnableLocalStorageOp = OperationOf<"channels.enableLocalStorage">;
type ChannelDisableLocalStorageOp = OperationOf<"channels.disableLocalStorage">;
type ClientUpdateOp = OperationOf<"clients.update">;
type ClientGetBalanceOp = OperationOf<"clients.getBalance">;
type ClientListSharedNumbersOp = OperationOf<"clients.listSharedNumbers">;
type PartnerUpdateOp = OperationOf<"partner.update">;
type PartnerSetDefaultDataLocalizationRegionOp = OperationOf<"partner.setDefaultDataLocalizationRegion">;
type ChannelListOp = OperationOf<"channels.list">;
type ClientListOp = OperationOf<"clients.list">;

/** A channel (a WhatsApp phone number of a client), as `channels.list` and `channels.get` return it. */
export interface Channel extends ItemOf<DataOf<ChannelListOp>["partner_channels"]> {}
/** A client of the partner, as `clients.list` returns it. */
export interface Client extends ItemOf<DataOf<ClientListOp>["clients"]> {}
/** A number of a client's that the partner may manage, as `clients.listSharedNumbers` returns them. */
export interface SharedNumber extends ItemOf<DataOf<ClientListSharedNumbersOp>> {}

type ItemOf<A> = NonNullable<A> extends readonly (infer I)[] ? I : never;

/** The errors `channels.list` (each page) and `channels.get` can return. */
export type ChannelListError = ErrorOf<ChannelListOp>;
/** The errors each page of `clients.list` can return. */
export type ClientListError = ErrorOf<ClientListOp>;
/** `channels.get`: the channel, or `undefined` when the partner has none with that ID. */
export type ChannelGetData = Channel | undefined;
/** The errors `channels.get` can return: the channel list's. */
export type ChannelGetError = ChannelListError;
/** The items of `clients.listSharedNumbers`. */
export type ClientListSharedNumbersData = SharedNumber[];

/** A channel's API key, as `channels.createApiKey` returns it. */
export interface ApiKey extends NonNullable<DataOf<ChannelCreateApiKeyOp>> {}
/** What `channels.createApiKey` returns on success. */
export type ChannelCreateApiKeyData = ApiKey;
/** The errors `channels.createApiKey` can return. */
export type ChannelCreateApiKeyError = ErrorOf<ChannelCreateApiKeyOp>;
/** The users blocked on a channel, as `channels.listBlockedUsers` returns them. */
export interface BlockedUsers extends NonNullable<DataOf<ChannelListBlockedUsersOp>> {}
/** What `channels.listBlockedUsers` returns on success. */
export type ChannelListBlockedUsersData = BlockedUsers;
/** The errors `channels.listBlockedUsers` can return. */
export type ChannelListBlockedUsersError = ErrorOf<ChannelListBlockedUsersOp>;
/** What `channels.blockUsers` returns on success. */
export interface ChannelBlockUsersData extends NonNullable<DataOf<ChannelBlockUsersOp>> {}
/** The request body of `channels.blockUsers`. */
export interface ChannelBlockUsersParams extends BodyOf<ChannelBlockUsersOp> {}
/** The errors `channels.blockUsers` can return. */
export type ChannelBlockUsersError = ErrorOf<ChannelBlockUsersOp>;
/** What `channels.unblockUsers` returns on success. */
export interface ChannelUnblockUsersData extends NonNullable<DataOf<ChannelUnblockUsersOp>> {}
/** The request body of `channels.unblockUsers`. */
export interface ChannelUnblockUsersParams extends BodyOf<ChannelUnblockUsersOp> {}
/** The errors `channels.unblockUsers` can return. */
export type ChannelUnblockUsersError = ErrorOf<ChannelUnblockUsersOp>;
/** What `channels.updateDisplayName` returns on success. */
export interface ChannelUpdateDisplayNameData extends NonNullable<DataOf<ChannelUpdateDisplayNameOp>> {}
/** The request body of `channels.updateDisplayName`. */
export interface ChannelUpdateDisplayNameParams extends BodyOf<ChannelUpdateDisplayNameOp> {}
/** The errors `channels.updateDisplayName` can return. */
export type ChannelUpdateDisplayNameError = ErrorOf<ChannelUpdateDisplayNameOp>;
/** What `channels.reactivate` returns on success. */
export interface ChannelReactivateData extends NonNullable<DataOf<ChannelReactivateOp>> {}
/** The errors `channels.reactivate` can return. */
export type ChannelReactivateError = ErrorOf<ChannelReactivateOp>;
/** A channel's WhatsApp commerce settings, as `channels.getCommerceSettings` returns them. */
export interface CommerceSettings extends NonNullable<DataOf<ChannelGetCommerceSettingsOp>> {}
/** What `channels.getCommerceSettings` returns on success. */
export type ChannelGetCommerceSettingsData = CommerceSettings;
/** The errors `channels.getCommerceSettings` can return. */
export type ChannelGetCommerceSettingsError = ErrorOf<ChannelGetCommerceSettingsOp>;
/** What `channels.updateCommerceSettings` returns on success. */
export interface ChannelUpdateCommerceSettingsData extends NonNullable<DataOf<ChannelUpdateCommerceSettingsOp>> {}
/** The request body of `channels.updateCommerceSettings`. */
export interface ChannelUpdateCommerceSettingsParams extends BodyOf<ChannelUpdateCommerceSettingsOp> {}
/** The errors `channels.updateCommerceSettings` can return. */
export type ChannelUpdateCommerceSettingsError = ErrorOf<ChannelUpdateCommerceSettingsOp>;
/** What `channels.requestCancellation` returns on success. */
export interface ChannelRequestCancellationData extends NonNullable<DataOf<ChannelRequestCancellationOp>> {}
/** The errors `channels.requestCancellation` can return. */
export type ChannelRequestCancellationError = ErrorOf<ChannelRequestCancellationOp>;
/** What `channels.enableLocalStorage` returns on success. */
export interface ChannelEnableLocalStorageData extends NonNullable<DataOf<ChannelEnableLocalStorageOp>> {}
/** The request body of `channels.enableLocalStorage`. */
export interface ChannelEnableLocalStorageParams extends BodyOf<ChannelEnableLocalStorageOp> {}
/** The errors `channels.enableLocalStorage` can return. */
export type ChannelEnableLocalStorageError = ErrorOf<ChannelEnableLocalStorageOp>;
/** What `channels.disableLocalStorage` returns on success. */
export interface ChannelDisableLocalStorageData extends NonNullable<DataOf<ChannelDisableLocalStorageOp>> {}
/** The errors `channels.disableLocalStorage` can return. */
export type ChannelDisableLocalStorageError = ErrorOf<ChannelDisableLocalStorageOp>;
/** What `clients.update` returns on success. */
export interface ClientUpdateData extends NonNullable<DataOf<ClientUpdateOp>> {}
/** The request body of `clients.update`. */
export interface ClientUpdateParams extends BodyOf<ClientUpdateOp> {}
/** The errors `clients.update` can return. */
export type ClientUpdateError = ErrorOf<ClientUpdateOp>;
/** A client's balance and usage, as `clients.getBalance` returns it. */
export interface Balance extends NonNullable<DataOf<ClientGetBalanceOp>> {}
/** What `clients.getBalance` returns on success. */
export type ClientGetBalanceData = Balance;
/** The query of `clients.getBalance`. */
export interface ClientGetBalanceParams extends Omit<QueryOf<ClientGetBalanceOp>, "start_date" | "end_date"> {
  /** Start of the period (data equal to or newer): a `Date`, an ISO 8601 string or UNIX seconds. */
  start_date?: BalanceDate;
  /** End of the period (data equal to or older): a `Date`, an ISO 8601 string or UNIX seconds. */
  end_date?: BalanceDate;
}
/** The errors `clients.getBalance` can return. */
export type ClientGetBalanceError = ErrorOf<ClientGetBalanceOp>;
/** The errors `clients.listSharedNumbers` can return. */
export type ClientListSharedNumbersError = ErrorOf<ClientListSharedNumbersOp>;
/** The partner account, as `partner.update` returns it. */
export interface Partner extends NonNullable<DataOf<PartnerUpdateOp>> {}
/** What `partner.update` returns on success. */
export type PartnerUpdateData = Partner;
/** The request body of `partner.update`. */
export interface PartnerUpdateParams extends BodyOf<PartnerUpdateOp> {}
/** The errors `partner.update` can return. */
export type PartnerUpdateError = ErrorOf<PartnerUpdateOp>;
/** What `partner.setDefaultDataLocalizationRegion` returns on success. */
export interface PartnerSetDefaultDataLocalizationRegionData
  extends NonNullable<DataOf<PartnerSetDefaultDataLocalizationRegionOp>> {}
/** The request body of `partner.setDefaultDataLocalizationRegion`. */
export interface PartnerSetDefaultDataLocalizationRegionParams
  extends BodyOf<PartnerSetDefaultDataLocalizationRegionOp> {}
/** The errors `partner.setDefaultDataLocalizationRegion` can return. */
export type PartnerSetDefaultDataLocalizationRegionError = ErrorOf<PartnerSetDefaultDataLocalizationRegionOp>;

type PartnerGetWebhookUrlOp = OperationOf<"partner.getWebhookUrl">;
type PartnerSetWebhookUrlOp = OperationOf<"partner.setWebhookUrl">;
/** The partner's webhook URL, as `partner.getWebhookUrl` and `partner.setWebhookUrl` return it. */
export interface PartnerWebhookUrl extends NonNullable<DataOf<PartnerGetWebhookUrlOp>> {}
/** What `partner.getWebhookUrl` returns on success. */
export type PartnerGetWebhookUrlData = PartnerWebhookUrl;
/** The errors `partner.getWebhookUrl` can return. */
export type PartnerGetWebhookUrlError = ErrorOf<PartnerGetWebhookUrlOp>;
/** The request body of `partner.setWebhookUrl`. */
export interface PartnerSetWebhookUrlParams extends BodyOf<PartnerSetWebhookUrlOp> {}
/** What `partner.setWebhookUrl` returns on success. */
export type PartnerSetWebhookUrlData = PartnerWebhookUrl;
/** The errors `partner.setWebhookUrl` can return. */
export type PartnerSetWebhookUrlError = ErrorOf<PartnerSetWebhookUrlOp>;
/**
 * The body of a 360dialog error response, `{ meta: { success, http_code, developer_message,
 * 360dialog_trace_id?, details? } }` (`details` on a 400): what `error.body` holds for `kind: "api"`,
 * whatever the status.
 */
export interface Dialog360ErrorBody extends SchemaDefaultValidationError {}
type SchemaDefaultValidationError = components["schemas"]["DefaultValidationError"];
