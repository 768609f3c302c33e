import { z } from "zod";

const Day = z.iso.date();

export const YearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });
export const ScopeQuery = YearQuery.extend({ unitId: z.uuid().optional() });
export const IdParams = z.object({ id: z.uuid() });
export const NumberParams = z.object({ number: z.string().min(1).max(40) });

export const LedgerEntryOut = z.object({
  id: z.string(),
  source: z.enum(["course", "claim", "manual"]),
  refId: z.string(),
  title: z.string(),
  jp: z.number(),
  earnedOn: z.string(),
});

export const JpMeOut = z.object({
  year: z.number(),
  earned: z.number(),
  target: z.number(),
  remaining: z.number(),
  behind: z.boolean(),
  entries: z.array(LedgerEntryOut),
  pendingClaims: z.number(),
});

export const JpScopeOut = z.object({
  year: z.number(),
  target: z.number(),
  items: z.array(
    z.object({
      employeeId: z.string(),
      name: z.string(),
      nipMasked: z.string(),
      unitId: z.string(),
      unitName: z.string(),
      earned: z.number(),
      target: z.number(),
      behind: z.boolean(),
    }),
  ),
  byUnit: z.array(z.object({ unitId: z.string(), unitName: z.string(), people: z.number(), total: z.number(), average: z.number(), behind: z.number() })),
});

/** Text fields of the multipart claim form (with one `file` part: the evidence). */
export const ClaimFields = z
  .object({
    title: z.string().trim().min(1).max(300),
    provider: z.string().trim().min(1).max(300),
    jp: z.coerce.number().positive().max(200),
    startedOn: Day,
    endedOn: Day,
  })
  .refine((c) => c.startedOn <= c.endedOn, { path: ["endedOn"], message: "not before startedOn" });

export const ClaimOut = z.object({
  id: z.string(),
  employeeId: z.string(),
  employeeName: z.string(),
  title: z.string(),
  provider: z.string(),
  jp: z.number(),
  startedOn: z.string(),
  endedOn: z.string(),
  status: z.enum(["pending", "approved", "rejected"]),
  note: z.string().nullable(),
  decidedAt: z.string().nullable(),
  createdAt: z.string(),
  evidenceUrl: z.string(),
  evidenceName: z.string(),
});

export const ClaimsQuery = z.object({
  status: z.enum(["pending", "approved", "rejected"]).optional(),
  /** me: one's own claims; scope: the claims HR decides. */
  who: z.enum(["me", "scope"]).default("me"),
});

export const DecideIn = z.object({ approve: z.boolean(), note: z.string().trim().max(2000).nullable().default(null) });

export const CertificateOut = z.object({
  id: z.string(),
  number: z.string(),
  employeeId: z.string(),
  employeeName: z.string(),
  courseId: z.string(),
  courseTitle: z.string(),
  jp: z.number(),
  issuedOn: z.string(),
  revokedAt: z.string().nullable(),
  revokeReason: z.string().nullable(),
  pdfUrl: z.string(),
  verifyPath: z.string(),
});

/** A certificate in HR's list: with the holder's unit. */
export const CertificateListOut = CertificateOut.extend({ unitName: z.string().optional() });

export const CertificatesQuery = z.object({
  /** me: one's own certificates; scope: those of the people HR looks after. */
  who: z.enum(["me", "scope"]).default("me"),
  /** who=scope: a certificate number, a NIP or part of a name. */
  q: z.string().trim().max(100).optional(),
  status: z.enum(["valid", "revoked"]).optional(),
});

export const RevokeIn = z.object({ reason: z.string().trim().min(3).max(2000) });

export const VerifyOut = z.object({
  valid: z.boolean(),
  number: z.string(),
  revokedAt: z.string().nullable(),
  name: z.string(),
  nipMasked: z.string(),
  course: z.string(),
  jp: z.number(),
  issuedOn: z.string(),
});
