import { maskNip } from "../../org/nip.js";
import type { GroupCounts, PersonRow } from "./repository.js";
import type { Counts, PersonOut } from "./schema.js";

/** The counts of one group (zeros when the group has nobody); `office.cap` is filled in by the caller. */
export function presentCounts(g: GroupCounts | undefined): Counts {
  if (!g) {
    return {
      employees: 0,
      checkedIn: 0,
      notCheckedIn: 0,
      late: 0,
      checkedOut: 0,
      modes: { WFO: 0, WFH: 0, DL: 0, CUTI: 0, SAKIT: 0 },
      roster: { matched: 0, differs: 0, unrostered: 0 },
      health: { filled: 0, notFilled: 0, notCleared: 0 },
      reports: { none: 0, draft: 0, submitted: 0, returned: 0, approved: 0 },
      office: { present: 0, cap: null },
    };
  }
  return {
    employees: g.employees,
    checkedIn: g.checked_in,
    notCheckedIn: g.employees - g.checked_in,
    late: g.late,
    checkedOut: g.checked_out,
    modes: { ...g.modes },
    roster: { matched: g.roster_matched, differs: g.roster_differs, unrostered: g.roster_unrostered },
    health: { filled: g.health_filled, notFilled: g.employees - g.health_filled, notCleared: g.health_not_cleared },
    reports: { none: g.report_none, ...g.reports },
    office: { present: g.modes.WFO, cap: null },
  };
}

/** A person of a drill-down list: the NIP always masked; the health verdict only for those who may see names. */
export function presentPerson(r: PersonRow, opts: { healthNames: boolean }): PersonOut {
  return {
    employeeId: r.employee_id,
    name: r.name,
    nipMasked: maskNip(r.nip),
    unitId: r.unit_id,
    unitName: r.unit_name,
    phone: r.phone,
    checkinAt: r.checkin_at,
    checkoutAt: r.checkout_at,
    mode: r.mode,
    expectedMode: r.expected_mode,
    minutesLate: r.mode === null ? null : Number(r.minutes_off ?? 0),
    geofence: r.geofence,
    reportStatus: r.report_status,
    healthCleared: opts.healthNames && r.cleared !== null ? Number(r.cleared) === 1 : null,
  };
}
