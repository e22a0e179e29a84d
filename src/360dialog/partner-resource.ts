import type { paths } from "../../generated/360dialog.ts";
import type { typedCall } from "../core/call/typed-call.ts";
import type { RequestOptions } from "../core/contract/request-options.ts";
import type { Result } from "../core/contract/result.ts";
import { OPERATIONS } from "./operations.ts";
import type {
  PartnerGetWebhookUrlData,
  PartnerGetWebhookUrlError,
  PartnerSetDefaultDataLocalizationRegionData,
  PartnerSetDefaultDataLocalizationRegionError,
  PartnerSetDefaultDataLocalizationRegionParams,
  PartnerSetWebhookUrlData,
  PartnerSetWebhookUrlError,
  PartnerSetWebhookUrlParams,
  PartnerUpdateData,
  PartnerUpdateError,
  PartnerUpdateParams,
} from "./types.ts";

/** The partner account's own settings. */
export function partnerResource(call: ReturnType<typeof typedCall<paths>>, partnerId: string) {
  const partnerPath = { partner_id: partnerId };
  return {
    /**
     * Updates the webhook URL, the redirect URL and whether clients may add numbers themselves.
     * @example
     * await d360.partner.update({ webhook_url: "https://example.com/360dialog-webhook" });
     */
    update: (
      body: PartnerUpdateParams,
      options?: RequestOptions,
    ): Promise<Result<PartnerUpdateData, PartnerUpdateError>> =>
      call(OPERATIONS["partner.update"], { path: partnerPath, body }, options),
    /**
     * Sets the data localization region used by default for new Cloud API numbers.
     * @example
     * await d360.partner.setDefaultDataLocalizationRegion({ default_data_localization_region: "DE" });
     */
    setDefaultDataLocalizationRegion: (
      body: PartnerSetDefaultDataLocalizationRegionParams,
      options?: RequestOptions,
    ): Promise<Result<PartnerSetDefaultDataLocalizationRegionData, PartnerSetDefaultDataLocalizationRegionError>> =>
      call(
        OPERATIONS["partner.setDefaultDataLocalizationRegion"],
        {
          path: partnerPath,
          body,
        },
        options,
      ),
    /**
     * The partner webhook URL: where 360dialog sends the partner's events (`client_created`,
     * `channel_created`…; receive them with `createWebhookHandler`).
     * @example
     * const { data } = await d360.partner.getWebhookUrl();
     * if (data) console.log(data.webhook_url);
     */
    getWebhookUrl: (options?: RequestOptions): Promise<Result<PartnerGetWebhookUrlData, PartnerGetWebhookUrlError>> =>
      call(OPERATIONS["partner.getWebhookUrl"], { path: partnerPath }, options),
    /**
     * Sets the partner webhook URL (partner events only, not a WABA's or a channel's webhooks).
     * @example
     * await d360.partner.setWebhookUrl({ webhook_url: "https://example.com/360dialog-webhook" });
     */
    setWebhookUrl: (
      body: PartnerSetWebhookUrlParams,
      options?: RequestOptions,
    ): Promise<Result<PartnerSetWebhookUrlData, PartnerSetWebhookUrlError>> =>
      call(OPERATIONS["partner.setWebhookUrl"], { path: partnerPath, body }, options),
  };
}
