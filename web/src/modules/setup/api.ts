import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { get, post } from "../../api/client";
import type { Language } from "../../i18n";

export const setupKeys = {
  status: ["setup", "status"] as const,
};

export interface SetupStatus {
  needed: boolean;
  demoMode: boolean;
}

export const TIMEZONES = ["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura", "Asia/Pontianak"] as const;
export type Timezone = (typeof TIMEZONES)[number];

export interface SetupInput {
  agency: { code: string; name: string; timezone: Timezone };
  admin: { name: string; nip: string; email: string; password: string };
  locale: Language;
}

/** Whether this installation still needs its first-run setup, and whether it runs as a demo. */
export function useSetupStatus() {
  return useQuery({
    queryKey: setupKeys.status,
    queryFn: () => get<SetupStatus>("/setup"),
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
  });
}

export function useSetUp() {
  return useMutation({ mutationFn: (input: SetupInput) => post<{ ok: true }>("/setup", input) });
}

export function useLoadDemo() {
  return useMutation({ mutationFn: () => post<{ ok: true }>("/setup/demo") });
}

/** Marks the installation as set up in the cache (after setup or loading the demo). */
export function useMarkSetUp() {
  const qc = useQueryClient();
  return (demo: boolean) => qc.setQueryData<SetupStatus>(setupKeys.status, (s) => ({ needed: false, demoMode: demo || (s?.demoMode ?? false) }));
}
