/** One's own employee record as GET /employees/:id returns it (full NIP for oneself). */
export interface OwnEmployee {
  id: string;
  nip: string;
  nipMasked: boolean;
  name: string;
  email: string | null;
  phone: string | null;
  unit: { id: string; name: string };
  position: { id: string; name: string; echelon: number | null; isHead: boolean } | null;
  employmentType: "PNS" | "PPPK";
  status: "active" | "inactive";
  birthDate?: string;
  gender?: "M" | "F";
  appointedOn?: string;
}

export interface OwnSession {
  id: string;
  current: boolean;
  ip: string | null;
  userAgent: string | null;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
}

export type AccessCategory = "nip_detail" | "health" | "location" | "sensitive_profile";

export interface DataAccess {
  id: string;
  at: string;
  category: AccessCategory | string;
  detail: string | null;
  actorUserId: string | null;
  actorName: string | null;
}
