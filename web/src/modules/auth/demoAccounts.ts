/** The accounts the demo data creates; all share one password. */
export const DEMO_PASSWORD = "Demo-Abdi-2026";
const DOMAIN = "demo.abdi.go.id";

export const DEMO_ACCOUNTS = [
  { email: `hr@${DOMAIN}`, role: "hr_admin" },
  { email: `pimpinan@${DOMAIN}`, role: "leader" },
  { email: `atasan@${DOMAIN}`, role: "supervisor" },
  { email: `pegawai@${DOMAIN}`, role: "employee" },
  { email: `kesehatan@${DOMAIN}`, role: "health_officer" },
  { email: `pembelajaran@${DOMAIN}`, role: "learning_admin" },
  { email: `fasilitator@${DOMAIN}`, role: "facilitator" },
  { email: `operator@${DOMAIN}`, role: "operator" },
] as const;
