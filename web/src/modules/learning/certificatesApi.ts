import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { get, post } from "../../api/client";
import { toSearch } from "../logbook/api";
import { BASE } from "./api";

/** A certificate as HR sees it in their scope. */
export interface ScopeCertificate {
  id: string;
  number: string;
  employeeId: string;
  employeeName: string;
  unitName?: string;
  courseId: string;
  courseTitle: string;
  jp: number;
  issuedOn: string;
  revokedAt: string | null;
  revokeReason: string | null;
  pdfUrl: string;
  verifyPath: string;
}

export interface CertificateFilter {
  /** A certificate number, a NIP or part of a name. */
  q: string;
  status: "valid" | "revoked" | null;
}

const key = (f: CertificateFilter) => ["learning", "scope-certificates", f] as const;

/** HR: certificates of the people in their scope. */
export function useScopeCertificates(f: CertificateFilter) {
  return useQuery({
    queryKey: key(f),
    queryFn: () => get<ScopeCertificate[]>(`${BASE}/certificates${toSearch({ who: "scope", q: f.q.trim() || null, status: f.status })}`),
    placeholderData: keepPreviousData,
  });
}

export function useRevokeCertificate() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string; reason: string }) => post<ScopeCertificate>(`${BASE}/certificates/${v.id}/revoke`, { reason: v.reason }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ["learning", "scope-certificates"] }),
  });
}
