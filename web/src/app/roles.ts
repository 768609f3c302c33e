import type { Me } from "../api/types";

export const ROLE_KEYS = ["employee", "supervisor", "leader", "hr_admin", "health_officer", "learning_admin", "facilitator", "operator"] as const;
export type RoleKey = (typeof ROLE_KEYS)[number];

/** The person's roles in display order ("Pegawai" first, "Operator" last). */
export function rolesOf(me: Me): RoleKey[] {
  const granted = new Set(me.grants.map((g) => g.role));
  const has: Record<RoleKey, boolean> = {
    employee: me.employeeId !== null,
    supervisor: me.isSupervisor,
    leader: granted.has("leader"),
    hr_admin: granted.has("hr_admin"),
    health_officer: granted.has("health_officer"),
    learning_admin: granted.has("learning_admin"),
    facilitator: granted.has("facilitator"),
    operator: me.isOperator,
  };
  return ROLE_KEYS.filter((r) => has[r]);
}
