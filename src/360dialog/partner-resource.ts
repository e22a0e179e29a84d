import type { paths } from "../../generated/360dialog.ts";
import type { RequestOptions } from "../core/request-options.ts";
import type { BodyOf, typedCall } from "../core/typed-call.ts";

type P = paths;

/** The partner account's own settings. */
export function partnerResource(call: ReturnType<typeof typedCall<P>>, partnerId: string) {
  const pp = { partner_id: partnerId };
  return {
    /** Updates the webhook URL, the redirect URL and whether clients may add numbers themselves. */
    update: (body: BodyOf<P["/api/v2/partners/{partner_id}"]["patch"]>, options?: RequestOptions) =>
      call("/api/v2/partners/{partner_id}", "patch", { path: pp, body }, options),
    /** Sets the data localization region used by default for new Cloud API numbers. */
    setDefaultDataLocalizationRegion: (
      body: BodyOf<P["/api/v2/partners/{partner_id}/settings/default_data_localization_region"]["patch"]>,
      options?: RequestOptions,
    ) =>
      call(
        "/api/v2/partners/{partner_id}/settings/default_data_localization_region",
        "patch",
        {
          path: pp,
          body,
        },
        options,
      ),
  };
}
