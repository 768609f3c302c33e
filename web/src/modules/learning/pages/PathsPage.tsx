import { Anchor, Badge, Card, Group, Progress, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { Loading } from "../../../ui/Loading";
import { PageHeader } from "../../../ui/PageHeader";
import { usePaths } from "../pathsApi";

/** Learning paths: ordered sets of courses toward a competency, with the learner's own progress. */
export default function PathsPage() {
  const { t } = useTranslation("learning");
  const q = usePaths();
  const paths = (q.data ?? []).filter((p) => p.status === "published");
  return (
    <>
      <PageHeader title={t("paths.title")} description={t("paths.intro")} />
      <ErrorAlert error={q.error} />
      {q.isPending ? <Loading /> : null}
      {q.data && paths.length === 0 ? <Text c="dimmed">{t("paths.none")}</Text> : null}
      <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: "none" }} aria-label={t("paths.title")}>
        {paths.map((p) => (
          <Card key={p.id} withBorder component="li" padding="sm">
            <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
              <Anchor component={Link} to={`/learning/paths/${p.id}`} fw={600} style={{ overflowWrap: "anywhere" }}>
                {p.title}
              </Anchor>
              {p.competency ? (
                <Badge variant="light" color="gray" style={{ flexShrink: 0 }}>
                  {p.competency}
                </Badge>
              ) : null}
            </Group>
            <Text size="sm" c="dimmed" mt={4}>
              {t("paths.completedOf", { done: p.completedCount, count: p.courseCount })}
            </Text>
            <Progress
              value={p.courseCount ? (100 * p.completedCount) / p.courseCount : 0}
              mt={6}
              aria-label={t("paths.progressOf", { path: p.title })}
              color={p.courseCount > 0 && p.completedCount === p.courseCount ? "green" : "abdi"}
            />
          </Card>
        ))}
      </Stack>
    </>
  );
}
