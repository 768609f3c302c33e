import type { SystemCtx } from "../platform/context.js";

export async function seedDemoLearning(_ctx: SystemCtx): Promise<void> {}
