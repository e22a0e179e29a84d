import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

// What an editor's hover shows for the results of every method: the TypeScript compiler prints each
// exported constant of hover-fixture.ts with `typeToString`, as a hover does. Named, exported types
// must appear, never a structural blob (`{ api_key?: string; … }`).
const fixture = fileURLToPath(new URL("./hover-fixture.ts", import.meta.url));

function hovers(): Record<string, string> {
  const program = ts.createProgram([fixture], {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    strict: true,
    allowImportingTsExtensions: true,
    noEmit: true,
    skipLibCheck: true,
  });
  const diagnostics = ts
    .getPreEmitDiagnostics(program)
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
  expect(diagnostics).toEqual([]);
  const checker = program.getTypeChecker();
  const out: Record<string, string> = {};
  const source = program.getSourceFile(fixture);
  if (!source) throw new Error("fixture not loaded");
  ts.forEachChild(source, (node) => {
    if (!ts.isVariableStatement(node) || !node.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) return;
    for (const decl of node.declarationList.declarations) {
      out[decl.name.getText()] = checker.typeToString(
        checker.getTypeAtLocation(decl.name),
        undefined,
        ts.TypeFormatFlags.NoTruncation,
      );
    }
  });
  return out;
}

describe("named types, as an editor's hover shows them", () => {
  const shown = hovers();

  it("every method's result names its data and its error union", () => {
    expect(shown).toMatchObject({
      client: "Dialog360Client",
      channels: "Dialog360ChannelsResource",
      channelList: "Paginator<Channel, OffsetPage<Channel>>",
      channelGet: "Result<ChannelGetData, ChannelListError>",
      apiKey: "Result<ApiKey, ChannelCreateApiKeyError>",
      apiKeyData: "ApiKey | undefined",
      blocked: "Result<BlockedUsers, ChannelListBlockedUsersError>",
      block: "Result<ChannelBlockUsersData, ChannelBlockUsersError>",
      unblock: "Result<ChannelUnblockUsersData, ChannelUnblockUsersError>",
      displayName: "Result<ChannelUpdateDisplayNameData, ChannelUpdateDisplayNameError>",
      reactivate: "Result<ChannelReactivateData, ChannelReactivateError>",
      commerce: "Result<CommerceSettings, ChannelGetCommerceSettingsError>",
      commerceUpdate: "Result<ChannelUpdateCommerceSettingsData, ChannelUpdateCommerceSettingsError>",
      cancellation: "Result<ChannelRequestCancellationData, ChannelRequestCancellationError>",
      enableStorage: "Result<ChannelEnableLocalStorageData, ChannelEnableLocalStorageError>",
      disableStorage: "Result<ChannelDisableLocalStorageData, ChannelDisableLocalStorageError>",
      clientList: "Paginator<Client, OffsetPage<Client>>",
      clientUpdate: "Result<ClientUpdateData, ClientUpdateError>",
      balance: "Result<Balance, ClientGetBalanceError>",
      sharedNumbers: "Result<ClientListSharedNumbersData, ClientListSharedNumbersError>",
      partnerUpdate: "Result<Partner, PartnerUpdateError>",
      region: "Result<PartnerSetDefaultDataLocalizationRegionData, PartnerSetDefaultDataLocalizationRegionError>",
      birdClient: "BirdClient",
      birdList: "Paginator<BirdChannel, CursorPage<BirdChannel>>",
      birdGet: "Result<BirdChannel, BirdChannelGetError>",
      birdGetData: "BirdChannel | undefined",
      birdContact: "Result<BirdChannelContactDetails, BirdChannelGetContactDetailsError>",
    });
  });

  it("method signatures name their params", () => {
    expect(shown.blockUsersMethod).toBe(
      "(ref: ChannelRef, body: ChannelBlockUsersParams, options?: RequestOptions | undefined) => Promise<Result<ChannelBlockUsersData, ChannelBlockUsersError>>",
    );
    expect(shown.getBalanceMethod).toMatch(/^\(ref: ClientRef, query\?: ClientGetBalanceParams/);
  });

  it("no result is a structural blob", () => {
    const blobs = Object.entries(shown).filter(([name, type]) => name !== "ref" && type.includes("{"));
    expect(blobs).toEqual([]);
  });
});
