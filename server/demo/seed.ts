import type { Insertable, Transaction } from "kysely";
import { newId } from "../db/ids.js";
import type { ActingAssignmentTable, DB, RoleGrantTable, UserTable } from "../db/schema.js";
import { todayIn } from "../modules/org/hierarchy.js";
import { audit } from "../platform/audit.js";
import type { Db, SystemCtx } from "../platform/context.js";
import { AppError } from "../platform/errors.js";
import { hashPassword } from "../platform/passwords.js";
import { putSetting } from "../platform/settings.js";
import { DEMO_PASSWORD, OPERATOR } from "./accounts.js";
import { loadDemoExtras } from "./extras.js";
import { buildPlan, type Plan } from "./plan.js";
import { assignRoles } from "./roles.js";
import { buildTargets } from "./targets.js";

export { DEMO_ACCOUNTS, DEMO_PASSWORD, type DemoAccount } from "./accounts.js";

/** Rows per INSERT statement: well inside the parameter limits of both engines. */
const BATCH = 200;

interface DemoRows {
  plan: Plan;
  acting: ActingAssignmentTable[];
  users: UserTable[];
  grants: RoleGrantTable[];
}

/**
 * Loads the demo agency, "Kementerian Pelayanan Publik Digital", into an
 * empty installation, which from then on is a demo installation: every
 * account is a demo account with the password DEMO_PASSWORD.
 */
export async function loadDemo(ctx: SystemCtx): Promise<void> {
  // One slow hash, shared by all accounts.
  const rows = buildRows(await hashPassword(DEMO_PASSWORD), ctx.now());
  try {
    await ctx.db.transaction().execute(async (trx) => {
      // Checked inside the transaction, like the first-run setup: the demo goes only into an empty installation.
      if (!(await isEmpty(trx))) throw new AppError("already_set_up");
      await insertRows(trx, ctx, rows, ctx.now().toISOString());
    });
  } catch (err) {
    // Two loads racing on PostgreSQL: the loser trips over the unique agency code, and its transaction left nothing behind.
    if (!(err instanceof AppError) && !(await isEmpty(ctx.db))) throw new AppError("already_set_up");
    throw err;
  }
  await loadDemoExtras(ctx);
}

async function isEmpty(db: Db): Promise<boolean> {
  const agency = await db.selectFrom("agencies").select("id").limit(1).executeTakeFirst();
  const user = await db.selectFrom("users").select("id").limit(1).executeTakeFirst();
  return !agency && !user;
}

function buildRows(passwordHash: string, at: Date): DemoRows {
  const now = at.toISOString();
  const plan = buildPlan(now);
  const { grants, acting } = assignRoles(plan, todayIn(plan.agency.timezone, at), now);
  const user = (u: Pick<UserTable, "employee_id" | "email" | "display_name" | "is_operator">): UserTable => ({
    id: newId(),
    ...u,
    password_hash: passwordHash,
    must_change_password: 0,
    is_demo: 1,
    disabled: 0,
    locale: "id",
    password_changed_at: now,
    created_at: now,
    updated_at: now,
  });
  const userOf = new Map<string, string>();
  const users = plan.employees.map((e) => {
    const row = user({ employee_id: e.row.id, email: null, display_name: e.row.name, is_operator: e.key === "hr" ? 1 : 0 });
    userOf.set(e.row.id, row.id);
    return row;
  });
  users.push(user({ employee_id: null, email: OPERATOR.email, display_name: OPERATOR.name, is_operator: 1 }));
  const grantRows = grants.map((g): RoleGrantTable => {
    const userId = userOf.get(g.employeeId);
    if (!userId) throw new Error(`demo grant for an employee without an account: ${g.employeeId}`);
    return { id: newId(), user_id: userId, role: g.role, agency_id: plan.agency.id, unit_id: g.unitId, created_by: null, created_at: now };
  });
  return { plan, acting, users, grants: grantRows };
}

async function insertAll<T extends keyof DB & string>(trx: Transaction<DB>, table: T, rows: Insertable<DB[T]>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) {
    await trx
      .insertInto(table)
      .values(rows.slice(i, i + BATCH))
      .execute();
  }
}

async function insertRows(trx: Transaction<DB>, ctx: SystemCtx, rows: DemoRows, now: string): Promise<void> {
  const { plan } = rows;
  await insertAll(trx, "agencies", [plan.agency]);
  // Parents come before their children, so the tree's foreign keys hold row by row.
  const units = plan.units.map((u) => u.row);
  await insertAll(trx, "units", units);
  await insertAll(trx, "positions", plan.positions);
  // Heads come before their staff, so an explicit supervisor is always already there.
  const employees = plan.employees.map((e) => e.row);
  await insertAll(trx, "employees", employees);
  await insertAll(trx, "acting_assignments", rows.acting);
  await insertAll(trx, "users", rows.users);
  await insertAll(trx, "role_grants", rows.grants);
  await insertAll(trx, "skp_targets", buildTargets(plan, todayIn(plan.agency.timezone, ctx.now()).slice(0, 4), now));
  await putSetting(trx, "demo.installation", true, now);
  await putSetting(trx, "setup.completed_at", now, now);
  await audit(trx, ctx, {
    action: "demo.loaded",
    subjectType: "agency",
    subjectId: plan.agency.id,
    agencyId: plan.agency.id,
    changes: {
      agency: plan.agency.name,
      units: units.length,
      positions: plan.positions.length,
      employees: employees.length,
      users: rows.users.length,
      roleGrants: rows.grants.length,
      actingAssignments: rows.acting.length,
    },
  });
}
