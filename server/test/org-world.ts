import { Client, type TestApp } from "./harness.js";

/**
 * A small organisation for permission tests:
 *
 *   agency A: root ── X (head hX) ── X1 (head hX1, staff e1)
 *                 └── Y (head hY, staff eY)
 *   agency B: root (HR hrB, staff eB)
 *
 * plus a leader over X, a health officer over X, HR over all of A and HR over Y only.
 */
export async function buildOrgWorld(t: TestApp) {
  const f = t.factory;
  const A = await f.agency({ name: "Instansi A" });
  const X = await f.unit({ agencyId: A.id, parent: A.root, name: "Unit X" });
  const X1 = await f.unit({ agencyId: A.id, parent: X, name: "Unit X1" });
  const Y = await f.unit({ agencyId: A.id, parent: A.root, name: "Unit Y" });
  const head = await f.employee({ agencyId: A.id, unitId: A.root.id, head: true, name: "Kepala Instansi" });
  const hX = await f.employee({ agencyId: A.id, unitId: X.id, head: true, name: "Kepala X" });
  const hX1 = await f.employee({ agencyId: A.id, unitId: X1.id, head: true, name: "Kepala X1" });
  const e1 = await f.employee({ agencyId: A.id, unitId: X1.id, name: "Staf X1" });
  const hY = await f.employee({ agencyId: A.id, unitId: Y.id, head: true, name: "Kepala Y" });
  const eY = await f.employee({ agencyId: A.id, unitId: Y.id, name: "Staf Y" });
  const leaderX = await f.employee({ agencyId: A.id, unitId: X.id, name: "Pimpinan X", roles: [{ role: "leader", unitId: X.id }] });
  const healthX = await f.employee({ agencyId: A.id, unitId: X.id, name: "Petugas Kesehatan X", roles: [{ role: "health_officer", unitId: X.id }] });
  const hrA = await f.employee({ agencyId: A.id, unitId: A.root.id, name: "HR A", roles: [{ role: "hr_admin" }] });
  const hrY = await f.employee({ agencyId: A.id, unitId: Y.id, name: "HR Y", roles: [{ role: "hr_admin", unitId: Y.id }] });
  const B = await f.agency({ name: "Instansi B" });
  const hrB = await f.employee({ agencyId: B.id, unitId: B.root.id, name: "HR B", roles: [{ role: "hr_admin" }] });
  const eB = await f.employee({ agencyId: B.id, unitId: B.root.id, name: "Staf B" });
  return { A, B, X, X1, Y, head, hX, hX1, e1, hY, eY, leaderX, healthX, hrA, hrY, hrB, eB };
}

export type OrgWorld = Awaited<ReturnType<typeof buildOrgWorld>>;

export const ACTORS = ["employee", "supervisor", "otherSupervisor", "leader", "health", "hr", "hrScoped", "hrOtherAgency", "outsider"] as const;
export type ActorName = (typeof ACTORS)[number];

/** Signed-in clients, one per actor of the matrix; the outsider has no session. */
export async function signInAll(t: TestApp, w: OrgWorld): Promise<Record<ActorName, Client>> {
  const login = (nip: string) => Client.signIn(t.app, nip);
  return {
    employee: await login(w.e1.nip),
    supervisor: await login(w.hX1.nip),
    otherSupervisor: await login(w.hY.nip),
    leader: await login(w.leaderX.nip),
    health: await login(w.healthX.nip),
    hr: await login(w.hrA.nip),
    hrScoped: await login(w.hrY.nip),
    hrOtherAgency: await login(w.hrB.nip),
    outsider: new Client(t.app),
  };
}
