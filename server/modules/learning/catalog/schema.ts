import { z } from "zod";
import { LessonKind } from "../courses/schema.js";

export const CatalogQuery = z.object({
  q: z.string().trim().max(200).optional(),
  topic: z.string().trim().max(100).optional(),
  competency: z.string().trim().max(200).optional(),
  format: LessonKind.optional(),
  jpMin: z.coerce.number().min(0).max(1000).optional(),
  jpMax: z.coerce.number().min(0).max(1000).optional(),
  language: z.enum(["id", "en"]).optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type CatalogQuery = z.infer<typeof CatalogQuery>;
