// Read by named-types.test.ts with the TypeScript compiler API: each exported constant's type is
// printed as an editor's hover prints it. Never run.
import { createDialog360Client } from "../../src/360dialog/index.ts";
import { createBirdClient } from "../../src/bird/index.ts";

const d360 = createDialog360Client({ partnerId: "examplePA", apiKey: "k" });
const bird = createBirdClient({ workspaceId: "ws", accessKey: "k" });
const ref = { clientId: "c", channelId: "ch" };

export const client = d360;
export const channels = d360.channels;
export const channelList = d360.channels.list();
export const channelGet = await d360.channels.get(ref);
export const apiKey = await d360.channels.createApiKey(ref);
export const apiKeyData = apiKey.data;
export const blocked = await d360.channels.listBlockedUsers(ref);
export const block = await d360.channels.blockUsers(ref, { block_users: [{ user: "49170000000" }] });
export const unblock = await d360.channels.unblockUsers(ref, { block_users: [{ user: "49170000000" }] });
export const displayName = await d360.channels.updateDisplayName(ref, { name: "Acme" });
export const reactivate = await d360.channels.reactivate(ref);
export const commerce = await d360.channels.getCommerceSettings(ref);
export const commerceUpdate = await d360.channels.updateCommerceSettings(ref, {
  is_catalog_visible: true,
  is_cart_enabled: true,
});
export const cancellation = await d360.channels.requestCancellation(ref);
export const enableStorage = await d360.channels.enableLocalStorage(ref, { data_localization_region: "DE" });
export const disableStorage = await d360.channels.disableLocalStorage(ref);
export const clientList = d360.clients.list();
export const clientUpdate = await d360.clients.update(ref, {});
export const balance = await d360.clients.getBalance(ref);
export const sharedNumbers = await d360.clients.listSharedNumbers(ref);
export const partnerUpdate = await d360.partner.update({});
export const region = await d360.partner.setDefaultDataLocalizationRegion({ default_data_localization_region: "DE" });
export const blockUsersMethod = d360.channels.blockUsers;
export const getBalanceMethod = d360.clients.getBalance;
export const birdClient = bird;
export const birdList = bird.channels.list();
export const birdGet = await bird.channels.get({ channelId: "c" });
export const birdGetData = birdGet.data;
export const birdContact = await bird.channels.getContactDetails({ channelId: "c", contactId: "x" });
