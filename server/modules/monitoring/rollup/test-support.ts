import type { Kysely } from "kysely";
import { toJson } from "../../../db/dialect.js";
import { newId } from "../../../db/ids.js";
import type { DB } from "../../../db/schema.js";
import type { ReportStatus, WorkMode } from "../../../db/schema-logbook.js";

/** Raw logbook rows for monitoring tests, written straight into the tables. */
export class RawData {
  private formIds = new Map<string, string>();
  constructor(readonly db: Kysely<DB>) {}

  async checkin(o: {
    agencyId: string;
    unitId: string;
    employeeId: string;
    date: string;
    kind?: "in" | "out";
    mode?: WorkMode;
    expectedMode?: WorkMode | null;
    minutesOff?: number;
    at?: string;
    createdAt?: string;
  }): Promise<string> {
    const id = newId();
    const at = o.at ?? `${o.date}T00:30:00.000Z`;
    await this.db
      .insertInto("checkins")
      .values({
        id,
        agency_id: o.agencyId,
        unit_id: o.unitId,
        employee_id: o.employeeId,
        work_date: o.date,
        kind: o.kind ?? "in",
        mode: o.mode ?? "WFO",
        expected_mode: o.expectedMode ?? null,
        server_time: at,
        device_time: null,
        lat: null,
        lng: null,
        accuracy_m: null,
        position_error: null,
        geofence: "office",
        place_id: null,
        place_name: null,
        distance_m: null,
        minutes_off: o.minutesOff ?? 0,
        coords_purged_at: null,
        note: null,
        created_at: o.createdAt ?? at,
      })
      .execute();
    return id;
  }

  private async form(agencyId: string): Promise<string> {
    const known = this.formIds.get(agencyId);
    if (known) return known;
    const existing = await this.db.selectFrom("health_forms").select("id").where("agency_id", "=", agencyId).executeTakeFirst();
    const id = existing?.id ?? newId();
    if (!existing) {
      await this.db
        .insertInto("health_forms")
        .values({ id, agency_id: agencyId, version: 1, questions: toJson([]), rule: toJson({}), created_by: null, created_at: new Date().toISOString() })
        .execute();
    }
    this.formIds.set(agencyId, id);
    return id;
  }

  async health(o: { agencyId: string; unitId: string; employeeId: string; date: string; cleared: boolean; at?: string }): Promise<string> {
    const id = newId();
    const at = o.at ?? `${o.date}T00:20:00.000Z`;
    await this.db
      .insertInto("health_checks")
      .values({
        id,
        agency_id: o.agencyId,
        unit_id: o.unitId,
        employee_id: o.employeeId,
        work_date: o.date,
        form_id: await this.form(o.agencyId),
        answers: toJson({}),
        cleared: o.cleared ? 1 : 0,
        reasons: toJson([]),
        answers_purged_at: null,
        created_at: at,
        updated_at: at,
      })
      .execute();
    return id;
  }

  async report(o: {
    agencyId: string;
    unitId: string;
    employeeId: string;
    date: string;
    status: ReportStatus;
    submittedAt?: string | null;
    reviewedAt?: string | null;
    at?: string;
  }): Promise<string> {
    const id = newId();
    const at = o.at ?? `${o.date}T09:00:00.000Z`;
    await this.db
      .insertInto("daily_reports")
      .values({
        id,
        agency_id: o.agencyId,
        unit_id: o.unitId,
        employee_id: o.employeeId,
        work_date: o.date,
        status: o.status,
        deadline_at: `${o.date}T16:59:00.000Z`,
        submitted_at: o.submittedAt ?? null,
        reviewed_at: o.reviewedAt ?? null,
        reviewer_employee_id: null,
        review_comment: null,
        revision: 0,
        created_at: at,
        updated_at: at,
      })
      .execute();
    return id;
  }

  async event(o: { reportId: string; action: "submitted" | "returned" | "approved" | "resubmitted"; at: string }): Promise<void> {
    await this.db
      .insertInto("report_events")
      .values({ id: newId(), report_id: o.reportId, actor_user_id: null, action: o.action, comment: null, snapshot: toJson([]), created_at: o.at })
      .execute();
  }

  async activity(o: { reportId: string; rhkId: string | null; minutes: number; ordinal?: number }): Promise<void> {
    await this.db
      .insertInto("report_activities")
      .values({
        id: newId(),
        report_id: o.reportId,
        ordinal: o.ordinal ?? 1,
        description: "Kegiatan",
        rhk_id: o.rhkId,
        output_qty: 1,
        output_unit: "dokumen",
        minutes: o.minutes,
        evidence_url: null,
        evidence_file_id: null,
      })
      .execute();
  }
}
