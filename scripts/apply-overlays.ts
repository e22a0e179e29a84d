import openapiFormat from "openapi-format";

export interface OverlayDocument {
  file: string;
  doc: { overlay?: string; actions?: Array<{ target: string; description?: string }> };
}

/**
 * Applies OpenAPI Overlay documents in order. An action whose target matches nothing fails the bundle:
 * a correction that silently stops applying (because upstream changed) must be noticed.
 */
export async function applyOverlays(spec: Record<string, unknown>, overlays: readonly OverlayDocument[]) {
  let current = spec;
  for (const { file, doc } of overlays) {
    if (!doc.overlay?.startsWith("1.0")) throw new Error(`${file}: expected an OpenAPI Overlay 1.0 document`);
    for (const [index, action] of (doc.actions ?? []).entries()) {
      const result = await openapiFormat.openapiOverlay(current, { overlaySet: { ...doc, actions: [action] } });
      if (result.resultData.totalUsedActions !== 1) {
        throw new Error(
          `${file}: action #${index + 1} (${action.description ?? action.target}) matched nothing at ${action.target}`,
        );
      }
      current = result.data as Record<string, unknown>;
    }
  }
  return current;
}
