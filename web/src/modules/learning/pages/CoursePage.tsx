import { Anchor, Badge, Button, Card, Group, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { DataList } from "../../../ui/DataList";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { useFormat } from "../../../ui/format";
import { Loading } from "../../../ui/Loading";
import { PageHeader } from "../../../ui/PageHeader";
import { Section } from "../../../ui/Section";
import { useMe } from "../../auth/hooks";
import { useCourse, useEnrol } from "../api";
import { OutlineList } from "../components/OutlineList";
import { dateOnly } from "../dates";
import type { Run } from "../types";

/** A course as a learner sees it before and after enrolling. */
export default function CoursePage() {
  const { t } = useTranslation("learning");
  const { id = "" } = useParams();
  const q = useCourse(id);
  const enrol = useEnrol(id);
  const navigate = useNavigate();
  const format = useFormat();
  const me = useMe().data;
  if (q.isPending) return <Loading />;
  if (!q.data) return <ErrorAlert error={q.error} />;
  const c = q.data;
  const mine = c.myEnrolment;
  const runLabel = (r: Run) =>
    r.kind === "self_paced"
      ? r.selfPacedDays
        ? t("run.selfPacedDays", { count: r.selfPacedDays })
        : t("run.selfPaced")
      : t("run.cohortDates", { from: r.startsOn ? dateOnly(r.startsOn, format) : "—", to: r.endsOn ? dateOnly(r.endsOn, format) : "—" });
  const doEnrol = (runId: string) => enrol.mutate(runId, { onSuccess: (e) => void navigate(`/learning/enrolments/${e.id}`) });
  return (
    <>
      <PageHeader
        title={c.title}
        description={c.summary ?? undefined}
        actions={
          <Badge size="lg" variant="filled" color="abdi">
            {t("jpBadge", { count: c.jp })}
          </Badge>
        }
      />
      <Stack>
        {mine ? (
          <Button component={Link} to={`/learning/enrolments/${mine.id}`} size="md">
            {t("course.continue")}
          </Button>
        ) : null}
        <ErrorAlert error={enrol.error} />
        <Section title={t("course.about")}>
          <DataList
            items={[
              { label: t("course.jp"), value: t("jpBadge", { count: c.jp }) },
              { label: t("catalog.topic"), value: c.topic ?? "—" },
              { label: t("catalog.competency"), value: c.competency ?? "—" },
              { label: t("catalog.language"), value: t(`language.${c.language}`, { defaultValue: c.language }) },
              { label: t("course.lessons"), value: String(c.modules.reduce((n, m) => n + m.lessons.length, 0)) },
              { label: t("course.facilitators"), value: c.facilitators.length ? c.facilitators.map((f) => f.name).join(", ") : "—" },
            ]}
          />
        </Section>
        {c.prerequisites.length ? (
          <Section title={t("course.prerequisites")}>
            <Stack gap={4}>
              {c.prerequisites.map((p) => (
                <Group key={p.id} gap="xs" wrap="nowrap">
                  <Anchor component={Link} to={`/learning/courses/${p.id}`}>
                    {p.title}
                  </Anchor>
                  {p.completed !== undefined ? (
                    <Badge color={p.completed ? "green" : "orange"} variant="light" size="sm">
                      {p.completed ? t("course.prereqMet") : t("course.prereqMissing")}
                    </Badge>
                  ) : null}
                </Group>
              ))}
            </Stack>
          </Section>
        ) : null}
        <Section title={t("course.runs")}>
          {c.runs.length === 0 ? <Text c="dimmed">{t("course.noRuns")}</Text> : null}
          <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: "none" }}>
            {c.runs.map((r) => (
              <Card key={r.id} withBorder component="li" padding="sm">
                <Group justify="space-between" wrap="wrap" gap="xs">
                  <div style={{ minWidth: 0 }}>
                    <Text fw={600}>{r.title || runLabel(r)}</Text>
                    {r.title ? <Text size="sm">{runLabel(r)}</Text> : null}
                    {r.facilitators.length ? (
                      <Text size="xs" c="dimmed">
                        {t("course.facilitators")}: {r.facilitators.map((f) => f.name).join(", ")}
                      </Text>
                    ) : null}
                    {r.capacity ? (
                      <Text size="xs" c="dimmed">
                        {t("run.seats", { enrolled: r.seatsTaken ?? 0, capacity: r.capacity })}
                      </Text>
                    ) : null}
                    {c.canAuthor || r.facilitators.some((f) => f.employeeId === me?.employeeId) ? (
                      <Anchor component={Link} to={`/learning/admin/runs/${r.id}`} size="sm">
                        {t("run.manage")}
                      </Anchor>
                    ) : null}
                  </div>
                  {mine ? null : (
                    <Button onClick={() => doEnrol(r.id)} loading={enrol.isPending && enrol.variables === r.id} disabled={!r.enrolOpen || r.seatsLeft === 0}>
                      {!r.enrolOpen || r.seatsLeft === 0 ? t("course.closed") : t("course.enrol")}
                    </Button>
                  )}
                </Group>
              </Card>
            ))}
          </Stack>
        </Section>
        <Section title={t("course.outline")}>
          <OutlineList modules={c.modules} />
        </Section>
      </Stack>
    </>
  );
}
