import type { paths } from "../../generated/bird.ts";
import type { OperationRef } from "../core/call/typed-call.ts";

/**
 * Every operation the Bird client calls, by method name (`resource.method`): its path template and
 * HTTP method, written once. The resources call through it, the named types (types.ts) and the
 * reference pages read it, and `satisfies` checks each entry against the generated `paths` (the
 * bundled spec): an operation the spec does not have is a compile error.
 */
export const OPERATIONS = {
  "channels.list": { path: "/workspaces/{workspaceId}/channels", method: "get" },
  "channels.get": { path: "/workspaces/{workspaceId}/channels/{channelId}", method: "get" },
  "channels.getContactDetails": {
    path: "/workspaces/{workspaceId}/channels/{channelId}/contacts/{contactId}",
    method: "get",
  },
  "webhookSubscriptions.list": {
    path: "/organizations/{organizationId}/workspaces/{workspaceId}/webhook-subscriptions",
    method: "get",
  },
  "webhookSubscriptions.create": {
    path: "/organizations/{organizationId}/workspaces/{workspaceId}/webhook-subscriptions",
    method: "post",
  },
  "webhookSubscriptions.get": {
    path: "/organizations/{organizationId}/workspaces/{workspaceId}/webhook-subscriptions/{webhookSubscriptionId}",
    method: "get",
  },
  "webhookSubscriptions.delete": {
    path: "/organizations/{organizationId}/workspaces/{workspaceId}/webhook-subscriptions/{webhookSubscriptionId}",
    method: "delete",
  },
} as const satisfies Record<string, OperationRef<paths>>;

/** The generated operation type of a method, by its name in `OPERATIONS`. */
export type OperationOf<Name extends keyof typeof OPERATIONS> =
  paths[(typeof OPERATIONS)[Name]["path"]][(typeof OPERATIONS)[Name]["method"]];
