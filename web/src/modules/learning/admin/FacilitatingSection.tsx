import { Anchor, Badge, Card, Group, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { useFormat } from "../../../ui/format";
import { Loading } from "../../../ui/Loading";
import { useFacilitatedRuns } from "../adminApi";
import { dateOnly } from "../dates";

/** Facilitators: the runs they are named on, each opening its class, grading and attendance. */
export function FacilitatingSection() {
  const { t } = useTranslation("learning");
  const format = useFormat();
  const q = useFacilitatedRuns();
  return (
    <Stack gap="sm">
      <ErrorAlert error={q.error} />
      {q.isPending ? <Loading /> : null}
      {q.data?.length === 0 ? <Text c="dimmed">{t("facilitating.none")}</Text> : null}
      <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: "none" }} aria-label={t("facilitating.title")}>
        {(q.data ?? []).map((r) => {
          const title = r.title || t(r.kind === "self_paced" ? "run.selfPaced" : "run.cohort");
          return (
            <Card key={r.id} withBorder component="li" padding="sm" aria-label={`${r.courseTitle} — ${title}`}>
              <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
                <Stack gap={0} style={{ minWidth: 0 }}>
                  <Anchor component={Link} to={`/learning/admin/runs/${r.id}`} fw={600} style={{ overflowWrap: "anywhere" }}>
                    {r.courseTitle}
                  </Anchor>
                  <Text size="sm">{title}</Text>
                </Stack>
                <Badge variant="light" color="gray" style={{ flexShrink: 0 }}>
                  {t(r.kind === "self_paced" ? "run.selfPaced" : "run.cohort")}
                </Badge>
              </Group>
              <Text size="sm" c="dimmed">
                {r.startsOn ? `${dateOnly(r.startsOn, format)} – ${r.endsOn ? dateOnly(r.endsOn, format) : "…"} · ` : ""}
                {t("facilitating.learners", { count: r.seatsTaken ?? 0 })}
              </Text>
              {r.facilitators.length > 1 ? (
                <Text size="xs" c="dimmed">
                  {t("course.facilitators")}: {r.facilitators.map((f) => f.name).join(", ")}
                </Text>
              ) : null}
            </Card>
          );
        })}
      </Stack>
    </Stack>
  );
}
