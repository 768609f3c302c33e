import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { get } from "../../api/client";
import type { Paged } from "../../api/types";
import { toSearch } from "../org/api";

export interface AuditEvent {
  id: string;
  at: string;
  action: string;
  subjectType: string;
  subjectId: string | null;
  actorUserId: string | null;
  actorName: string | null;
  changes: Record<string, unknown> | null;
  ip: string | null;
  requestId: string | null;
}

export const ACCESS_CATEGORIES = ["nip_detail", "health", "location", "sensitive_profile"] as const;
export type AccessCategory = (typeof ACCESS_CATEGORIES)[number];

export interface AccessEntry {
  id: string;
  at: string;
  category: AccessCategory;
  detail: string | null;
  actorUserId: string | null;
  actorName: string | null;
  subjectEmployeeId: string | null;
  subjectName: string | null;
  ip: string | null;
  requestId: string | null;
}

export interface EventFilter {
  action?: string;
  subjectId?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

export interface AccessFilter {
  category?: AccessCategory;
  subjectEmployeeId?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

export function useAuditEvents(f: EventFilter) {
  return useQuery({
    queryKey: ["audit", "events", f],
    queryFn: () => get<Paged<AuditEvent>>(`/audit/events${toSearch({ ...f })}`),
    placeholderData: keepPreviousData,
  });
}

export function useAccessLog(f: AccessFilter) {
  return useQuery({
    queryKey: ["audit", "access", f],
    queryFn: () => get<Paged<AccessEntry>>(`/audit/access${toSearch({ ...f })}`),
    placeholderData: keepPreviousData,
  });
}

/** A calendar day picked in the viewer's browser, as the UTC instant its local midnight is. */
export function dayStart(day: string | null, plusDays = 0): string | undefined {
  if (!day) return undefined;
  const [y, m, d] = day.split("-").map(Number);
  if (!y || !m || !d) return undefined;
  return new Date(y, m - 1, d + plusDays).toISOString();
}
