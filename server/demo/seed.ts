import type { SystemCtx } from "../platform/context.js";

/** Loads the demo agency. Replaced by the full generator in demo/. */
export async function loadDemo(_ctx: SystemCtx): Promise<void> {
  throw new Error("demo data is not available yet");
}
