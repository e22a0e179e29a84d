import type { paths } from "../../generated/360dialog.ts";
import type { OperationRef } from "../core/call/typed-call.ts";

/**
 * Every operation the 360dialog client calls, by method name (`resource.method`): its path template
 * and HTTP method, written once. The resources call through it, the named types (types.ts) and the
 * reference pages read it, and `satisfies` checks each entry against the generated `paths` (the
 * bundled spec): an operation the spec does not have is a compile error.
 */
export const OPERATIONS = {
  "channels.list": { path: "/api/v2/partners/{partner_id}/channels", method: "get" },
  "clients.list": { path: "/api/v2/partners/{partner_id}/clients", method: "get" },
  "channels.get": { path: "/api/v2/partners/{partner_id}/channels", method: "get" },
  "channels.createApiKey": { path: "/api/v2/partners/{partner_id}/channels/{channel_id}/api_keys", method: "post" },
  "channels.listBlockedUsers": {
    path: "/api/v2/partners/{partner_id}/channels/{channel_id}/block_users",
    method: "get",
  },
  "channels.blockUsers": { path: "/api/v2/partners/{partner_id}/channels/{channel_id}/block_users", method: "post" },
  "channels.unblockUsers": {
    path: "/api/v2/partners/{partner_id}/channels/{channel_id}/block_users",
    method: "delete",
  },
  "channels.updateDisplayName": {
    path: "/api/v2/partners/{partner_id}/clients/{client_id}/channels/{channel_id}",
    method: "put",
  },
  "channels.reactivate": {
    path: "/api/v2/partners/{partner_id}/clients/{client_id}/channels/{channel_id}/control/reactivate",
    method: "post",
  },
  "channels.getCommerceSettings": {
    path: "/api/v2/partners/{partner_id}/clients/{client_id}/channels/{channel_id}/whatsapp_commerce_settings",
    method: "get",
  },
  "channels.updateCommerceSettings": {
    path: "/api/v2/partners/{partner_id}/clients/{client_id}/channels/{channel_id}/whatsapp_commerce_settings",
    method: "post",
  },
  "channels.requestCancellation": {
    path: "/api/v2/partners/{partner_id}/clients/{client_id}/channels/{channel_id}/control/cancellation_request",
    method: "post",
  },
  "channels.enableLocalStorage": {
    path: "/api/v2/partners/{partner_id}/clients/{client_id}/channels/{channel_id}/control/enable_local_storage",
    method: "post",
  },
  "channels.disableLocalStorage": {
    path: "/api/v2/partners/{partner_id}/clients/{client_id}/channels/{channel_id}/control/disable_local_storage",
    method: "post",
  },
  "clients.update": { path: "/api/v2/partners/{partner_id}/clients/{client_id}", method: "patch" },
  "clients.getBalance": { path: "/api/v2/partners/{partner_id}/clients/{client_id}/info/balance", method: "get" },
  "clients.listSharedNumbers": {
    path: "/api/v2/partners/{partner_id}/clients/{client_id}/shared_client_numbers",
    method: "get",
  },
  "partner.update": { path: "/api/v2/partners/{partner_id}", method: "patch" },
  "partner.setDefaultDataLocalizationRegion": {
    path: "/api/v2/partners/{partner_id}/settings/default_data_localization_region",
    method: "patch",
  },
  "partner.getWebhookUrl": { path: "/api/v2/partners/{partner_id}/webhook_url", method: "get" },
  "partner.setWebhookUrl": { path: "/api/v2/partners/{partner_id}/webhook_url", method: "post" },
} as const satisfies Record<string, OperationRef<paths>>;

/** The generated operation type of a method, by its name in `OPERATIONS`. */
export type OperationOf<Name extends keyof typeof OPERATIONS> =
  paths[(typeof OPERATIONS)[Name]["path"]][(typeof OPERATIONS)[Name]["method"]];
