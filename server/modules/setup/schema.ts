import { z } from "zod";
import { Timezone } from "../org/schema.js";

export const SetupInput = z.object({
  agency: z.object({
    code: z
      .string()
      .trim()
      .min(2)
      .max(20)
      .regex(/^[A-Za-z0-9_-]+$/, "letters, digits, - and _ only"),
    name: z.string().trim().min(2).max(200),
    timezone: Timezone,
  }),
  admin: z.object({
    name: z.string().trim().min(2).max(200),
    nip: z.string().trim(),
    email: z.email().max(200),
    password: z.string().max(200),
    positionName: z.string().trim().min(2).max(200).default("Administrator Kepegawaian"),
  }),
  locale: z.enum(["id", "en"]).default("id"),
});
