import { audit } from "../../../platform/audit.js";
import type { Ctx } from "../../../platform/context.js";
import { invalid, notFound } from "../../../platform/errors.js";
import { authorize } from "../../org/policies.js";
import * as courseRepo from "../courses/repository.js";
import { learningPolicy } from "../policies.js";
import { recordLessonOutcome } from "../progress/service.js";
import { loadRun } from "./load.js";
import * as repo from "./repository.js";

async function loadLive(ctx: Ctx, runId: string, lessonId: string) {
  const { run, target } = await loadRun(ctx, runId);
  authorize(learningPolicy.facilitate(ctx.actor, target), "Only this run's facilitators and learning admins record attendance");
  const lesson = await courseRepo.getLesson(ctx.db, lessonId);
  if (!lesson || lesson.course_id !== run.course_id) throw notFound("Lesson");
  if (lesson.kind !== "live") throw invalid([{ path: "lessonId", message: "not a live session" }], "Attendance is recorded for live sessions only");
  return { run, lesson };
}

export async function getAttendance(ctx: Ctx, runId: string, lessonId: string) {
  const { run, lesson } = await loadLive(ctx, runId, lessonId);
  const [learners, marks] = await Promise.all([repo.classList(ctx.db, run.id), repo.attendanceOf(ctx.db, run.id, lesson.id)]);
  const byEmployee = new Map(marks.map((m) => [m.employee_id, m]));
  return {
    lessonId: lesson.id,
    runId: run.id,
    entries: learners.map((l) => {
      const m = byEmployee.get(l.employee_id);
      return { employeeId: l.employee_id, name: l.name, unitName: l.unit_name, present: m ? m.present === 1 : null, recordedAt: m?.recorded_at ?? null };
    }),
  };
}

/** The facilitator records who attended; attendance completes (or, corrected, reopens) the live lesson. All entries or none. */
export async function putAttendance(ctx: Ctx, runId: string, lessonId: string, entries: { employeeId: string; present: boolean }[]) {
  const { run, lesson } = await loadLive(ctx, runId, lessonId);
  const learners = await repo.classList(ctx.db, run.id);
  const enrolmentOf = new Map(learners.map((l) => [l.employee_id, l.id]));
  const unknown = entries.filter((x) => !enrolmentOf.has(x.employeeId));
  if (unknown.length > 0) throw invalid(unknown.map((x) => ({ path: "entries", message: `${x.employeeId} is not in this run` })));
  const now = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    for (const x of entries) {
      await repo.upsertAttendance(trx, {
        lesson_id: lesson.id,
        run_id: run.id,
        employee_id: x.employeeId,
        present: x.present ? 1 : 0,
        recorded_by: ctx.actor.userId,
        recorded_at: now,
      });
      await recordLessonOutcome(trx, ctx, {
        enrolmentId: enrolmentOf.get(x.employeeId) as string,
        lessonId: lesson.id,
        completed: x.present,
        score: null,
        passed: null,
      });
    }
    await audit(trx, ctx, {
      action: "learning.attendance_recorded",
      subjectType: "course_run",
      subjectId: run.id,
      agencyId: run.agency_id,
      changes: { lessonId: lesson.id, present: entries.filter((x) => x.present).length, absent: entries.filter((x) => !x.present).length },
    });
  });
  return getAttendance(ctx, runId, lessonId);
}
