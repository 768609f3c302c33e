import type { SystemCtx } from "../platform/context.js";

export async function seedDemoLrs(_ctx: SystemCtx): Promise<void> {}
