import { expect } from "vitest";
import { contentFixture } from "../../server/test/fixtures";
import { type ApiSession, apiAs } from "./logbook";

export interface PackageCourse {
  /** The learner's session (the demo employee), enrolled in the course's self-paced run. */
  learner: ApiSession;
  /** The lesson's page in the course player. */
  lessonUrl: string;
}

/**
 * A published one-lesson course whose lesson plays a content package from the
 * fixtures (uploaded by the learning admin `admin`), with a self-paced run the
 * demo employee is enrolled in.
 */
export async function packageCourse(
  baseURL: string,
  admin: ApiSession,
  o: { file: string; kind: "scorm" | "cmi5"; code: string; title: string },
): Promise<PackageCourse> {
  const upload = await admin.context.post("/api/v1/learning/content/packages", {
    multipart: { file: { name: o.file, mimeType: "application/zip", buffer: contentFixture(o.file) } },
    headers: { "x-csrf-token": (admin.me as unknown as { csrfToken: string }).csrfToken },
  });
  expect(upload.status(), await upload.text()).toBe(201);
  const pkg = await upload.json();
  const course = await admin.send<{ id: string }>("POST", "/learning/courses", { code: o.code, title: o.title, summary: "", jp: 1, prerequisiteIds: [] });
  const mod = await admin.send<{ id: string }>("POST", `/learning/courses/${course.id}/modules`, { title: "Modul" });
  const lesson = await admin.send<{ id: string }>("POST", `/learning/modules/${mod.id}/lessons`, {
    kind: o.kind,
    title: o.title,
    bodyMd: "",
    config: { packageId: pkg.id },
  });
  await admin.send("POST", `/learning/courses/${course.id}/publish`, {});
  const run = await admin.send<{ id: string }>("POST", `/learning/courses/${course.id}/runs`, { kind: "self_paced", title: "Mandiri", selfPacedDays: 30 });
  const learner = await apiAs(baseURL, "pegawai@demo.abdi.go.id");
  const enrolment = await learner.send<{ id: string }>("POST", `/learning/runs/${run.id}/enrol`, {});
  return { learner, lessonUrl: `/learning/enrolments/${enrolment.id}/lessons/${lesson.id}` };
}
