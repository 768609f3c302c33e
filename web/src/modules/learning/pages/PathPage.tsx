import { Anchor, Badge, Button, Card, Group, Progress, Stack, Text } from "@mantine/core";
import { IconCircleCheck } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { Loading } from "../../../ui/Loading";
import { PageHeader } from "../../../ui/PageHeader";
import { Section } from "../../../ui/Section";
import { Markdown } from "../components/Markdown";
import { type PathCourse, usePath } from "../pathsApi";

/** One learning path: its courses in order, the learner's progress in each, and the next one to take. */
export default function PathPage() {
  const { t } = useTranslation("learning");
  const { id = "" } = useParams();
  const q = usePath(id);
  if (q.isPending) return <Loading />;
  if (!q.data) return <ErrorAlert error={q.error} />;
  const p = q.data;
  return (
    <>
      <PageHeader
        title={p.title}
        description={p.competency ? t("paths.competency", { competency: p.competency }) : undefined}
        actions={
          <Button component={Link} to="/learning/paths" variant="default">
            {t("paths.all")}
          </Button>
        }
      />
      <Stack>
        {p.descriptionMd ? <Markdown source={p.descriptionMd} /> : null}
        <Text fw={600}>{t("paths.completedOf", { done: p.completedCount, count: p.courses.length })}</Text>
        <Section title={t("paths.courses")}>
          {p.courses.length === 0 ? <Text c="dimmed">{t("paths.noCourses")}</Text> : null}
          <Stack gap="xs" component="ol" p={0} m={0} style={{ listStyle: "none" }} aria-label={t("paths.courses")}>
            {p.courses.map((c, i) => (
              <PathCourseCard key={c.id} course={c} n={i + 1} next={c.id === p.nextCourseId} />
            ))}
          </Stack>
        </Section>
      </Stack>
    </>
  );
}

function PathCourseCard({ course: c, n, next }: { course: PathCourse; n: number; next: boolean }) {
  const { t } = useTranslation("learning");
  const mine = c.myEnrolment;
  const state = c.completed ? "completed" : mine ? "in_progress" : "not_started";
  return (
    <Card
      withBorder
      component="li"
      padding="sm"
      aria-label={t("paths.step", { n, title: c.title })}
      style={next ? { borderColor: "var(--mantine-color-abdi-6)" } : undefined}
    >
      <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
        <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
          {c.completed ? <IconCircleCheck size={18} color="var(--mantine-color-green-7)" aria-hidden /> : null}
          <Anchor component={Link} to={`/learning/courses/${c.id}`} fw={600} style={{ overflowWrap: "anywhere" }}>
            {n}. {c.title}
          </Anchor>
        </Group>
        <Badge variant="filled" color="abdi" style={{ flexShrink: 0 }}>
          {t("jpBadge", { count: c.jp })}
        </Badge>
      </Group>
      <Group gap="xs" mt={4}>
        <Text size="sm" c={c.completed ? undefined : "dimmed"} fw={c.completed ? 600 : undefined}>
          {t(`status.${state}`)}
        </Text>
        {next ? (
          <Badge color="abdi" variant="filled" size="sm">
            {t("paths.next")}
          </Badge>
        ) : null}
      </Group>
      {mine && !c.completed ? (
        <>
          <Progress value={mine.progressPct} mt={6} aria-label={t("dashboard.progressOf", { course: c.title, percent: mine.progressPct })} />
          <Anchor component={Link} to={`/learning/enrolments/${mine.id}`} size="sm" mt={6} display="inline-block">
            {t("course.continue")}
          </Anchor>
        </>
      ) : null}
    </Card>
  );
}
