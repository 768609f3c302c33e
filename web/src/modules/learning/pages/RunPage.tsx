import { Anchor, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { useFormat } from "../../../ui/format";
import { Loading } from "../../../ui/Loading";
import { PageHeader } from "../../../ui/PageHeader";
import { Section } from "../../../ui/Section";
import { useMe } from "../../auth/hooks";
import { AttendanceSection } from "../admin/AttendanceSection";
import { ClassSection } from "../admin/ClassSection";
import { GradingSection } from "../admin/GradingSection";
import { useClassView } from "../adminApi";
import { useCourse } from "../api";
import { dateOnly } from "../dates";

/** One run: its class, the grading queue and live attendance. */
export default function RunPage() {
  const { t } = useTranslation("learning");
  const { id = "" } = useParams();
  const format = useFormat();
  const me = useMe().data;
  const q = useClassView(id);
  const canEnrol = Boolean(me?.grants.some((g) => g.role === "learning_admin" || g.role === "hr_admin"));
  const course = useCourse(q.data?.run.courseId ?? "");
  if (q.isPending) return <Loading />;
  if (!q.data) return <ErrorAlert error={q.error} />;
  const run = q.data.run;
  const live = (course.data?.modules ?? []).flatMap((m) => m.lessons).filter((l) => l.kind === "live");
  const title = run.title || t(run.kind === "self_paced" ? "run.selfPaced" : "run.cohort");
  return (
    <>
      <PageHeader
        title={title}
        description={
          <>
            {course.data ? (
              <Anchor
                underline="always"
                component={Link}
                to={canEnrol ? `/learning/admin/courses/${run.courseId ?? ""}` : `/learning/courses/${run.courseId ?? ""}`}
              >
                {course.data.title}
              </Anchor>
            ) : null}
            {run.startsOn ? ` · ${dateOnly(run.startsOn, format)} – ${run.endsOn ? dateOnly(run.endsOn, format) : "…"}` : null}
          </>
        }
      />
      <Stack>
        {run.facilitators.length ? (
          <Text size="sm">
            {t("course.facilitators")}: {run.facilitators.map((f) => f.name).join(", ")}
          </Text>
        ) : null}
        <Section title={t("grading.title")}>
          <GradingSection runId={run.id} />
        </Section>
        <Section title={t("run.class")}>
          <ClassSection runId={run.id} learners={q.data.learners} canEnrol={canEnrol} />
        </Section>
        <Section title={t("attendance.title")}>
          <AttendanceSection runId={run.id} lessons={live} />
        </Section>
      </Stack>
    </>
  );
}
