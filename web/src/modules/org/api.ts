import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { del, get, patch, post } from "../../api/client";
import type { Paged } from "../../api/types";
import type { Acting, Employee, EmployeeInput, EmployeeQuery, Grant, Position, PositionKind, Role, Timezone, Unit } from "./types";

/** Query keys of the module; everything below ["org"] is organisation data. */
export const orgKeys = {
  all: ["org"] as const,
  units: () => ["org", "units"] as const,
  positions: (unitId?: string) => ["org", "positions", unitId ?? "all"] as const,
  acting: () => ["org", "acting"] as const,
  employees: () => ["org", "employees"] as const,
  employeeList: (q: EmployeeQuery) => ["org", "employees", "list", q] as const,
  employee: (id: string) => ["org", "employees", "one", id] as const,
  grants: (employeeId: string) => ["org", "grants", employeeId] as const,
};

/** Builds "?a=1&b=2" from the defined values of an object. */
export function toSearch(params: Record<string, string | number | boolean | undefined | null>): string {
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== "") s.set(k, String(v));
  const text = s.toString();
  return text ? `?${text}` : "";
}

// ---------- units ----------

export function useUnits() {
  return useQuery({ queryKey: orgKeys.units(), queryFn: () => get<Unit[]>("/units"), staleTime: 30_000 });
}

export interface UnitCreateInput {
  parentId: string;
  code: string;
  name: string;
  timezone: Timezone;
}

export function useCreateUnit() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: UnitCreateInput) => post<Unit>("/units", input),
    onSuccess: () => qc.invalidateQueries({ queryKey: orgKeys.units() }),
  });
}

export type UnitPatch = Partial<{ parentId: string; code: string; name: string; timezone: Timezone }>;

export function useUpdateUnit() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, changes }: { id: string; changes: UnitPatch }) => patch<Unit>(`/units/${id}`, changes),
    onSuccess: () => qc.invalidateQueries({ queryKey: orgKeys.all }),
  });
}

// ---------- positions ----------

export function usePositions(unitId: string | null | undefined) {
  return useQuery({
    queryKey: orgKeys.positions(unitId ?? undefined),
    queryFn: () => get<Position[]>(`/positions${toSearch({ unitId })}`),
    enabled: Boolean(unitId),
    staleTime: 30_000,
  });
}

export interface PositionInput {
  name: string;
  kind: PositionKind;
  echelon: number | null;
  isHead: boolean;
}

export function useSavePosition() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string | null; unitId: string; input: PositionInput }) =>
      v.id ? patch<Position>(`/positions/${v.id}`, v.input) : post<Position>("/positions", { ...v.input, unitId: v.unitId }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ["org", "positions"] }),
  });
}

// ---------- acting officials ----------

export function useActing() {
  return useQuery({ queryKey: orgKeys.acting(), queryFn: () => get<Acting[]>("/acting") });
}

export interface ActingInput {
  unitId: string;
  employeeId: string;
  kind: "plt" | "plh";
  startsOn: string;
  endsOn: string;
  note: string | null;
}

export function useCreateActing() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: ActingInput) => post<Acting>("/acting", input),
    onSuccess: () => qc.invalidateQueries({ queryKey: orgKeys.acting() }),
  });
}

export function useDeleteActing() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => del<void>(`/acting/${id}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: orgKeys.acting() }),
  });
}

// ---------- employees ----------

export function useEmployees(query: EmployeeQuery, enabled = true) {
  return useQuery({
    queryKey: orgKeys.employeeList(query),
    queryFn: () => get<Paged<Employee>>(`/employees${toSearch({ ...query })}`),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useEmployee(id: string | null | undefined) {
  return useQuery({
    queryKey: orgKeys.employee(id ?? ""),
    queryFn: () => get<Employee>(`/employees/${id}`),
    enabled: Boolean(id),
    retry: false,
  });
}

export function useSaveEmployee() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string | null; input: Partial<EmployeeInput> }) =>
      v.id ? patch<Employee>(`/employees/${v.id}`, v.input) : post<Employee>("/employees", v.input),
    onSuccess: async (e) => {
      qc.setQueryData(orgKeys.employee(e.id), e);
      await Promise.all([qc.invalidateQueries({ queryKey: orgKeys.employees() }), qc.invalidateQueries({ queryKey: orgKeys.units() })]);
    },
  });
}

export function useResetPassword() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (employeeId: string) => post<{ temporaryPassword: string }>(`/employees/${employeeId}/reset-password`),
    onSuccess: (_r, employeeId) => qc.invalidateQueries({ queryKey: orgKeys.employee(employeeId) }),
  });
}

// ---------- role grants ----------

export function useGrants(employeeId: string, enabled: boolean) {
  return useQuery({
    queryKey: orgKeys.grants(employeeId),
    queryFn: () => get<Grant[]>(`/grants${toSearch({ employeeId })}`),
    enabled,
  });
}

export function useCreateGrant() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { employeeId: string; role: Role; unitId: string | null }) => post<Grant>("/grants", input),
    onSuccess: (_g, input) => qc.invalidateQueries({ queryKey: orgKeys.grants(input.employeeId) }),
  });
}

export function useDeleteGrant() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string; employeeId: string }) => del<void>(`/grants/${v.id}`),
    onSuccess: (_r, v) => qc.invalidateQueries({ queryKey: orgKeys.grants(v.employeeId) }),
  });
}
