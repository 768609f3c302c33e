/** The signed-in person, as GET /api/v1/auth/me returns it. */
export interface Me {
  id: string;
  displayName: string;
  employeeId: string | null;
  agencyId: string | null;
  agencyName: string | null;
  unitId: string | null;
  isOperator: boolean;
  isDemo: boolean;
  isSupervisor: boolean;
  mustChangePassword: boolean;
  locale: "id" | "en";
  csrfToken: string;
  grants: { role: string; agencyId: string; unitId: string | null }[];
  can: { manageOrg: boolean; viewEmployees: boolean; viewAudit: boolean; manageAgencies: boolean };
}

export interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
