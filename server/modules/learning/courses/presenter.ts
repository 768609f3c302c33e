import { fromJson } from "../../../db/dialect.js";
import type { Course, CourseModule, Lesson } from "../../../db/schema-learning.js";
import { parseRule } from "../progress/completion.js";
import type { LessonConfig } from "./schema.js";

export function presentCourse(c: Course) {
  return {
    id: c.id,
    agencyId: c.agency_id,
    code: c.code,
    title: c.title,
    summary: c.summary,
    descriptionMd: c.description_md,
    topic: c.topic,
    competency: c.competency,
    language: c.language,
    jp: c.jp,
    status: c.status,
    completionRule: parseRule(fromJson(c.completion_rule)),
    prerequisiteIds: fromJson<string[]>(c.prerequisite_ids) ?? [],
    createdAt: c.created_at,
    updatedAt: c.updated_at,
    publishedAt: c.published_at,
  };
}
export type CourseDto = ReturnType<typeof presentCourse>;

export function presentLesson(l: Lesson) {
  return {
    id: l.id,
    moduleId: l.module_id,
    ordinal: l.ordinal,
    kind: l.kind,
    title: l.title,
    bodyMd: l.body_md,
    config: fromJson<LessonConfig>(l.config) ?? {},
    required: l.required === 1,
    durationMin: l.duration_min,
  };
}
export type LessonDto = ReturnType<typeof presentLesson>;

/** The outline: modules in order, each with its lessons in order. */
export function presentOutline(modules: CourseModule[], lessons: Lesson[]) {
  return modules.map((m) => ({
    id: m.id,
    ordinal: m.ordinal,
    title: m.title,
    lessons: lessons.filter((l) => l.module_id === m.id).map(presentLesson),
  }));
}
