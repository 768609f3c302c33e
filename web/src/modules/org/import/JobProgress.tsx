import { Group, Progress, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatNumber } from "../format";
import { IMPORT_FINISHED, type ImportJob } from "../types";

/** Live progress of an import job, as the server reports it while it is polled. */
export function JobProgress({ job }: { job: ImportJob | undefined }) {
  const { t } = useTranslation("org");
  const running = !job || !IMPORT_FINISHED.includes(job.status);
  const total = job?.totalRows ?? 0;
  const done = job?.processedRows ?? 0;
  const pct = job && !running ? 100 : total ? Math.min(100, Math.round((done / total) * 100)) : 0;
  const phase = job ? t(`import.status.${job.status}`) : t("import.status.uploading");
  return (
    <Stack gap={6}>
      <Group justify="space-between" gap="xs">
        <Text size="sm" fw={500}>
          {phase}
        </Text>
        <Text size="sm" c="dimmed" role="status">
          {total ? t("import.rowsProgress", { done: formatNumber(done), total: formatNumber(total) }) : ""}
        </Text>
      </Group>
      <Progress value={pct} size="lg" striped={running} animated={running} aria-label={t("import.progressLabel")} />
    </Stack>
  );
}
