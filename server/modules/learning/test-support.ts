import { expect } from "vitest";
import { Client, type TestApp } from "../../test/harness.js";
import { buildOrgWorld, type OrgWorld, signInAll } from "../../test/org-world.js";
import { multipartBody } from "../org/import/test-support.js";

export const L = "/api/v1/learning";

/** The org world plus learning roles: admins of A and of B, two facilitators of A. */
export async function buildLearningWorld(t: TestApp) {
  const w = await buildOrgWorld(t);
  const f = t.factory;
  const laA = await f.employee({ agencyId: w.A.id, unitId: w.A.root.id, name: "Admin Pembelajaran A", roles: [{ role: "learning_admin" }] });
  const laB = await f.employee({ agencyId: w.B.id, unitId: w.B.root.id, name: "Admin Pembelajaran B", roles: [{ role: "learning_admin" }] });
  const fac1 = await f.employee({ agencyId: w.A.id, unitId: w.X.id, name: "Widyaiswara Satu", roles: [{ role: "facilitator" }] });
  const fac2 = await f.employee({ agencyId: w.A.id, unitId: w.Y.id, name: "Widyaiswara Dua", roles: [{ role: "facilitator" }] });
  const c = await signInAll(t, w);
  const login = (nip: string) => Client.signIn(t.app, nip);
  const clients = {
    ...c,
    eB: await login(w.eB.nip),
    admin: await login(laA.nip),
    adminOtherAgency: await login(laB.nip),
    fac1: await login(fac1.nip),
    fac2: await login(fac2.nip),
  };
  return { w: { ...w, laA, laB, fac1, fac2 }, c: clients };
}
export type LearningWorld = Awaited<ReturnType<typeof buildLearningWorld>>;

export async function ok<T = Record<string, unknown>>(p: Promise<{ statusCode: number; body: string; json(): unknown }>, status = 200): Promise<T> {
  const res = await p;
  expect(res.statusCode, res.body).toBe(status);
  return (res.body ? res.json() : null) as T;
}

export interface BuiltCourse {
  id: string;
  moduleIds: string[];
  lessons: Record<string, string>;
}

/** A course with one module per entry and the given lesson kinds, published unless `draft`. */
export async function buildCourse(
  admin: Client,
  o: {
    code: string;
    title: string;
    summary?: string;
    topic?: string;
    jp?: number;
    draft?: boolean;
    rule?: Record<string, unknown>;
    prerequisiteIds?: string[];
  },
  kinds: string[] = ["text", "video", "pdf"],
): Promise<BuiltCourse> {
  const course = await ok<{ id: string }>(
    admin.post(`${L}/courses`, {
      code: o.code,
      title: o.title,
      summary: o.summary ?? "",
      topic: o.topic ?? null,
      jp: o.jp ?? 2,
      prerequisiteIds: o.prerequisiteIds ?? [],
      ...(o.rule ? { completionRule: o.rule } : {}),
    }),
    201,
  );
  const mod = await ok<{ id: string }>(admin.post(`${L}/courses/${course.id}/modules`, { title: "Modul 1" }), 201);
  const lessons: Record<string, string> = {};
  for (const kind of kinds) {
    const config =
      kind === "video"
        ? { url: "https://video.example.go.id/a.mp4", durationSeconds: 100 }
        : kind === "pdf" || kind === "link"
          ? { url: "https://example.go.id/materi.pdf" }
          : kind === "live"
            ? { startsAt: "2026-12-10T09:00:00+07:00", endsAt: "2026-12-10T11:00:00+07:00", meetingUrl: "https://meet.example.go.id/x" }
            : {};
    const l = await ok<{ id: string }>(admin.post(`${L}/modules/${mod.id}/lessons`, { kind, title: `Pelajaran ${kind}`, bodyMd: "Isi", config }), 201);
    lessons[kind] = l.id;
  }
  if (!o.draft) await ok(admin.post(`${L}/courses/${course.id}/publish`));
  return { id: course.id, moduleIds: [mod.id], lessons };
}

export async function selfPacedRun(admin: Client, courseId: string, over: Record<string, unknown> = {}): Promise<string> {
  const run = await ok<{ id: string }>(admin.post(`${L}/courses/${courseId}/runs`, { kind: "self_paced", title: "Mandiri", selfPacedDays: 30, ...over }), 201);
  return run.id;
}

export type { OrgWorld };

/** A content package uploaded by `admin`, a published course whose one lesson plays it, and a self-paced run of it. */
export async function packageCourse(
  admin: Client,
  o: { zip: Buffer; filename: string; kind: "scorm" | "cmi5"; code: string; title: string },
): Promise<{ packageId: string; courseId: string; lessonId: string; runId: string }> {
  const { body, contentType } = multipartBody([{ name: "file", filename: o.filename, content: o.zip }]);
  const packageId = (await ok<{ id: string }>(admin.request("POST", `${L}/content/packages`, body, { "content-type": contentType }), 201)).id;
  const course = await ok<{ id: string }>(
    admin.request("POST", `${L}/courses`, { code: o.code, title: o.title, summary: "", jp: 2, prerequisiteIds: [] }),
    201,
  );
  const mod = await ok<{ id: string }>(admin.request("POST", `${L}/courses/${course.id}/modules`, { title: "Modul" }), 201);
  const lesson = await ok<{ id: string }>(
    admin.request("POST", `${L}/modules/${mod.id}/lessons`, { kind: o.kind, title: o.title, bodyMd: "", config: { packageId } }),
    201,
  );
  await ok(admin.request("POST", `${L}/courses/${course.id}/publish`));
  const run = await ok<{ id: string }>(
    admin.request("POST", `${L}/courses/${course.id}/runs`, { kind: "self_paced", title: "Mandiri", selfPacedDays: 30 }),
    201,
  );
  return { packageId, courseId: course.id, lessonId: lesson.id, runId: run.id };
}
