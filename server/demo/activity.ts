import { buildDay, type DayPerson, type DayUnit, emptyDayRows, type Office } from "../../bench/scale/day.js";
import { planDays } from "../../bench/scale/days.js";
import { CITIES, type City, JAKARTA, offset } from "../../bench/scale/geo.js";
import { DEFAULT_FORM_JSON } from "../../bench/scale/health.js";
import { IdSource } from "../../bench/scale/ids.js";
import { BatchInserter, type TableRows } from "../../bench/scale/insert.js";
import { newId } from "../db/ids.js";
import type { PlaceTable } from "../db/schema-logbook.js";
import { rebuildRollups } from "../modules/monitoring/rollup/service.js";
import { todayIn } from "../modules/org/hierarchy.js";
import { audit } from "../platform/audit.js";
import type { Db, SystemCtx } from "../platform/context.js";
import { DEMO_EMAIL_DOMAIN } from "./accounts.js";
import { Rng } from "./random.js";

/** Workdays of history before today. */
export const DEMO_ACTIVITY_DAYS = 20;
/** Share of the staff checked in so far today. */
const TODAY_SHARE = 0.6;

/** The head office in Jakarta (Senayan, away from the offices the browser tests create) and the regional offices' cities. */
const HEAD_OFFICE = { name: "Kantor Pusat Kementerian Pelayanan Publik Digital", lat: -6.2263, lng: 106.8031 };
const REGIONAL_CITY: Record<string, string> = {
  KWJB: "Bandung",
  KWSU: "Medan",
  KWKB: "Pontianak",
  KWSS: "Makassar",
  KWBA: "Denpasar",
  KWMA: "Ambon",
  KWPA: "Jayapura",
};

interface DemoWorld {
  agencyId: string;
  timezone: string;
  places: PlaceTable[];
  people: DayPerson[];
  /** Whose own flows the demo accounts walk through today: nothing of theirs today. */
  quietToday: Set<string>;
}

/**
 * Recent logbook activity of the demo agency, so the monitoring board, trends
 * and map have something to show: offices for the head office and the
 * regional offices, the last DEMO_ACTIVITY_DAYS workdays of check-ins, health
 * checks and daily reports, and today under way (about 60 % checked in, no
 * reports yet). The demo employee (pegawai@) has not checked in today, and
 * the reports waiting for the demo supervisor (atasan@) are all reviewed,
 * so the demo accounts start their day with a clean slate.
 */
export async function seedDemoActivity(ctx: SystemCtx): Promise<void> {
  const now = ctx.now();
  const world = await loadWorld(ctx.db, now);
  if (!world) return;
  const today = todayIn(world.timezone, now);
  const days = await planDays(ctx.db, { today, days: DEMO_ACTIVITY_DAYS, withToday: true, checkedInShare: TODAY_SHARE });
  const rng = new Rng("abdi-demo-activity");
  const ids = new IdSource(rng, now.getTime() - 3_600_000);
  const form = { id: ids.next(), agency_id: world.agencyId, version: 1, ...DEFAULT_FORM_JSON, created_by: null, created_at: now.toISOString() };
  const rows = emptyDayRows();
  const dayCtx = { rng, ids, now, formId: form.id };
  for (const day of days) {
    for (const person of world.people) {
      if (day.partial && world.quietToday.has(person.id)) continue;
      buildDay(dayCtx, day, person, rows);
    }
  }
  const batch: TableRows[] = [
    { table: "places", rows: world.places },
    { table: "health_forms", rows: [form] },
    { table: "checkins", rows: rows.checkins },
    { table: "health_checks", rows: rows.health },
    { table: "daily_reports", rows: rows.reports },
    { table: "report_activities", rows: rows.activities },
  ];
  const inserter = new BatchInserter(ctx.db, ctx.engine, { chunkRows: 500 });
  await ctx.db.transaction().execute(async (trx) => {
    await inserter.insertIn(trx, batch);
    await audit(trx, ctx, {
      action: "demo.activity_loaded",
      subjectType: "agency",
      subjectId: world.agencyId,
      agencyId: world.agencyId,
      changes: {
        from: days[0]?.date ?? today,
        to: today,
        offices: world.places.length,
        checkins: rows.checkins.length,
        healthChecks: rows.health.length,
        reports: rows.reports.length,
        activities: rows.activities.length,
      },
    });
  });
  if (days.length > 0) await rebuildRollups(ctx.db, { agencyId: world.agencyId, from: days[0].date, to: today, now });
}

/** The demo agency as the day builder needs it: units with their office, people with their reviewer and targets. */
async function loadWorld(db: Db, now: Date): Promise<DemoWorld | null> {
  const agency = await db.selectFrom("agencies").select(["id", "timezone"]).orderBy("created_at").executeTakeFirst();
  if (!agency) return null;
  const at = now.toISOString();
  const [units, employees, targets] = await Promise.all([
    db.selectFrom("units").select(["id", "parent_id", "code", "name", "timezone", "depth"]).where("agency_id", "=", agency.id).orderBy("depth").execute(),
    db
      .selectFrom("employees")
      .leftJoin("positions", "positions.id", "employees.position_id")
      .select(["employees.id", "employees.unit_id", "employees.email", "employees.supervisor_id", "positions.is_head"])
      .where("employees.agency_id", "=", agency.id)
      .where("employees.status", "=", "active")
      .orderBy("employees.nip")
      .execute(),
    db.selectFrom("skp_targets").select(["id", "employee_id"]).where("agency_id", "=", agency.id).where("archived", "=", 0).orderBy("code").execute(),
  ]);
  const rng = new Rng("abdi-demo-places");
  const places: PlaceTable[] = [];
  const office = (unitId: string, name: string, at0: { lat: number; lng: number }): Office => {
    const o: Office = { id: newId(), name, lat: at0.lat, lng: at0.lng, radiusM: 200 };
    places.push({
      ...{ id: o.id, agency_id: agency.id, unit_id: unitId, employee_id: null, kind: "office", name, lat: o.lat, lng: o.lng, radius_m: o.radiusM },
      ...{ polygon: null, status: "approved", decided_by: null, decided_at: at, created_by: null, created_at: at, updated_at: at },
    });
    return o;
  };
  const dayUnits = new Map<string, DayUnit>();
  const parentOf = new Map(units.map((u) => [u.id, u.parent_id]));
  for (const u of units) {
    const city: City | undefined = REGIONAL_CITY[u.code] ? CITIES.find((c) => c.name === REGIONAL_CITY[u.code]) : undefined;
    const parent = u.parent_id ? dayUnits.get(u.parent_id) : undefined;
    const own = u.depth === 0 ? office(u.id, HEAD_OFFICE.name, HEAD_OFFICE) : city ? office(u.id, u.name, city) : null;
    dayUnits.set(u.id, { id: u.id, timezone: u.timezone, office: own ?? parent?.office ?? null });
  }
  const headOf = new Map<string, string>();
  for (const e of employees) if (e.is_head === 1) headOf.set(e.unit_id, e.id);
  /** The head of the unit, or of the nearest unit above with one (a vacant chair is skipped). */
  const headAbove = (unitId: string | null, self: string): string | null => {
    for (let u = unitId; u; u = parentOf.get(u) ?? null) {
      const head = headOf.get(u);
      if (head && head !== self) return head;
    }
    return null;
  };
  const targetsOf = new Map<string, string[]>();
  for (const t of targets) targetsOf.set(t.employee_id, [...(targetsOf.get(t.employee_id) ?? []), t.id]);
  const byEmail = new Map(employees.filter((e) => e.email).map((e) => [e.email, e.id]));
  const pegawai = byEmail.get(`pegawai@${DEMO_EMAIL_DOMAIN}`);
  const atasan = byEmail.get(`atasan@${DEMO_EMAIL_DOMAIN}`);
  const people = employees.flatMap((e): DayPerson[] => {
    const unit = dayUnits.get(e.unit_id);
    if (!unit) return [];
    const reviewerId = e.supervisor_id ?? (e.is_head === 1 ? headAbove(parentOf.get(e.unit_id) ?? null, e.id) : headAbove(e.unit_id, e.id));
    const base = unit.office ?? { lat: JAKARTA.lat, lng: JAKARTA.lng };
    return [
      {
        id: e.id,
        agencyId: agency.id,
        unit,
        reviewerId,
        targetIds: targetsOf.get(e.id) ?? [],
        home: offset(rng, base, rng.int(2_000, 20_000)),
        settled: e.id === pegawai || (atasan !== undefined && reviewerId === atasan),
      },
    ];
  });
  return { agencyId: agency.id, timezone: agency.timezone, places, people, quietToday: new Set(pegawai ? [pegawai] : []) };
}
