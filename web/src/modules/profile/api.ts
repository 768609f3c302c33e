import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { del, get } from "../../api/client";
import type { Paged } from "../../api/types";
import type { DataAccess, OwnEmployee, OwnSession } from "./types";

export const profileKeys = {
  employee: (id: string) => ["profile", "employee", id] as const,
  sessions: ["profile", "sessions"] as const,
  access: (page: number) => ["profile", "access", page] as const,
};

export const ACCESS_PAGE_SIZE = 20;

export function useOwnEmployee(employeeId: string | null) {
  return useQuery({
    queryKey: profileKeys.employee(employeeId ?? ""),
    queryFn: () => get<OwnEmployee>(`/employees/${employeeId}`),
    enabled: Boolean(employeeId),
  });
}

export function useSessions() {
  return useQuery({ queryKey: profileKeys.sessions, queryFn: () => get<OwnSession[]>("/auth/sessions") });
}

export function useRevokeSession() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => del<void>(`/auth/sessions/${id}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: profileKeys.sessions }),
  });
}

export function useMyDataAccess(page: number) {
  return useQuery({
    queryKey: profileKeys.access(page),
    queryFn: () => get<Paged<DataAccess>>(`/audit/my-data-access?page=${page}&pageSize=${ACCESS_PAGE_SIZE}`),
    placeholderData: keepPreviousData,
  });
}
