import type { SystemCtx } from "../platform/context.js";

export async function seedDemoActivity(_ctx: SystemCtx): Promise<void> {}
