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
 * Each block must be a JSON object with at least one operation carrying an operationId.
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
    if (!isRecord(doc) || !isRecord(doc.paths)) continue;
    const operationIds: string[] = [];
    for (const pathItem of Object.values(doc.paths)) {
      if (!isRecord(pathItem)) continue;
      for (const operation of Object.values(pathItem)) {
        if (isRecord(operation) && typeof operation.operationId === "string") operationIds.push(operation.operationId);
      }
    }
    if (operationIds.length === 0) throw new Error(`JSON block #${index} has paths but no operationId to name it by`);
    const fileName = `${operationIds.sort()[0]}.json`;
    const previous = seen.get(fileName);
    if (previous !== undefined)
      throw new Error(`JSON blocks #${previous} and #${index} both define ${operationIds[0]}`);
    seen.set(fileName, index);
    fragments.push({ fileName, operationIds, text: `${JSON.stringify(doc, null, 2)}\n` });
  }
  return fragments;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
