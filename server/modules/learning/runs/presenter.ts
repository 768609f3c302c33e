import type { CourseRun } from "../../../db/schema-learning.js";

export function presentRun(r: CourseRun, extra: { facilitators: { employeeId: string; name: string }[]; seatsTaken: number }) {
  return {
    id: r.id,
    courseId: r.course_id,
    kind: r.kind,
    title: r.title,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    enrolOpen: r.enrol_open === 1,
    selfPacedDays: r.self_paced_days,
    capacity: r.capacity,
    seatsTaken: extra.seatsTaken,
    seatsLeft: r.capacity === null ? null : Math.max(0, r.capacity - extra.seatsTaken),
    facilitators: extra.facilitators,
  };
}
export type RunDto = ReturnType<typeof presentRun>;
