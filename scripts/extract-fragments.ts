export interface ExtractedFragment {
  /** File name under `fragments/`, derived from the operation's id. */
  fileName: string;
  operationIds: string[];
  /** The published JSON, pretty-printed with its key order kept (content identical to the page). */
  text: string;
}

const JSON_BLOCK = /```json\n([\s\S]*?)\n```/g;

/**
 * Extracts the OpenAPI fragments published as ```json blocks in a vendor's Markdown reference page.
 * A block is a fragment when it is a JSON object with `paths` or (OpenAPI 3.1) `webhooks`; each
 * fragment must carry at least one operation with an operationId, which names its file.
 */
export function extractFragments(markdown: string): ExtractedFragment[] {
  const fragments: ExtractedFragment[] = [];
  const seen = new Map<string, number>();
  let index = 0;
  for (const match of markdown.matchAll(JSON_BLOCK)) {
    index += 1;
    let doc: unknown;
    try {
      doc = JSON.parse(match[1] ?? "");
    } catch (error) {
      throw new Error(`JSON block #${index} is not valid JSON: ${(error as Error).message}`);
    }
    if (!isRecord(doc) || !(isRecord(doc.paths) || isRecord(doc.webhooks))) continue;
    const operationIds = [...operationIdsIn(doc.paths), ...operationIdsIn(doc.webhooks)];
    if (operationIds.length === 0)
      throw new Error(`JSON block #${index} has paths or webhooks but no operationId to name it by`);
    const fileName = `${[...operationIds].sort()[0]}.json`;
    const previous = seen.get(fileName);
    if (previous !== undefined)
      throw new Error(`JSON blocks #${previous} and #${index} both define ${operationIds[0]}`);
    seen.set(fileName, index);
    fragments.push({ fileName, operationIds, text: `${JSON.stringify(doc, null, 2)}\n` });
  }
  return fragments;
}

/** The operationIds of a `paths` or `webhooks` object (both map a key to a path item). */
function operationIdsIn(items: unknown): string[] {
  if (!isRecord(items)) return [];
  const ids: string[] = [];
  for (const pathItem of Object.values(items)) {
    if (!isRecord(pathItem)) continue;
    for (const operation of Object.values(pathItem)) {
      if (isRecord(operation) && typeof operation.operationId === "string") ids.push(operation.operationId);
    }
  }
  return ids;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
