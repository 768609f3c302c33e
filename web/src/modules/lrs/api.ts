import { type InfiniteData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { del, get, patch, post } from "../../api/client";

export const LRS_SCOPES = ["statements/write", "statements/read/mine", "statements/read", "define", "state", "all"] as const;
export type LrsScope = (typeof LRS_SCOPES)[number];

export interface LrsClient {
  id: string;
  name: string;
  key: string;
  scopes: LrsScope[];
  enabled: boolean;
  createdAt: string;
}

export interface RecordItem {
  id: string;
  verb: string;
  verbDisplay: Record<string, string>;
  objectId: string | null;
  objectName: Record<string, string>;
  timestamp: string;
  stored: string;
  result: { success?: boolean; completion?: boolean; score?: { scaled?: number } } | null;
}

interface RecordPage {
  items: RecordItem[];
  next: number | null;
}

export type RecordPages = InfiniteData<RecordPage, unknown>;

const keys = {
  clients: ["lrs", "clients"] as const,
  mine: ["lrs", "me", "statements"] as const,
  employee: (id: string) => ["lrs", "employees", id, "statements"] as const,
};

export function useLrsClients() {
  return useQuery({ queryKey: keys.clients, queryFn: () => get<{ items: LrsClient[] }>("/lrs/clients") });
}

export function useCreateLrsClient() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; scopes: LrsScope[] }) => post<LrsClient & { secret: string }>("/lrs/clients", body),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.clients }),
  });
}

export function useUpdateLrsClient() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string; enabled?: boolean; scopes?: LrsScope[] }) => patch<LrsClient>(`/lrs/clients/${id}`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.clients }),
  });
}

export function useDeleteLrsClient() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (id: string) => del<void>(`/lrs/clients/${id}`), onSuccess: () => qc.invalidateQueries({ queryKey: keys.clients }) });
}

export function useMyRecord() {
  return useInfiniteQuery({
    queryKey: keys.mine,
    initialPageParam: null as number | null,
    queryFn: ({ pageParam }) => get<RecordPage>(`/lrs/me/statements?limit=30${pageParam ? `&before=${pageParam}` : ""}`),
    getNextPageParam: (last) => last.next,
  });
}

/** An employee's learning record, for admins in scope. */
export function useEmployeeRecord(id: string) {
  return useInfiniteQuery({
    queryKey: keys.employee(id),
    initialPageParam: null as number | null,
    queryFn: ({ pageParam }) => get<RecordPage>(`/lrs/employees/${id}/statements?limit=30${pageParam ? `&before=${pageParam}` : ""}`),
    getNextPageParam: (last) => last.next,
    enabled: id !== "",
  });
}

/** The text of a language map in the reader's language, else any. */
export function pickLang(map: Record<string, string>, lang: string): string | null {
  const keysOf = Object.keys(map);
  const hit = keysOf.find((k) => k.toLowerCase() === lang || k.toLowerCase().startsWith(`${lang}-`)) ?? keysOf[0];
  return hit ? map[hit] : null;
}
