import { z } from "zod";

export const WeeklyQuery = z.object({
  unitId: z.uuid().optional(),
  week: z.string().min(1).max(10),
  format: z.enum(["pdf", "xlsx"]).default("pdf"),
});
export type WeeklyQuery = z.infer<typeof WeeklyQuery>;
