import { Paper, SimpleGrid, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatNumber } from "../format";
import type { ImportJob } from "../types";

/** Rows of the file with at least one error (counted from the list while the server sent all of it). */
export function invalidRows(job: ImportJob): number {
  const distinct = new Set(job.errors.map((e) => e.row)).size;
  return job.errors.length >= job.errorCount ? distinct : job.errorCount;
}

function Stat({ label, value, color }: { label: string; value: number; color?: string }) {
  return (
    <Paper withBorder p="sm" radius="md">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="xl" fw={700} c={color}>
        {formatNumber(value)}
      </Text>
    </Paper>
  );
}

/** The numbers of a dry run ("would create") or of a finished import ("created"). */
export function ImportCounts({ job }: { job: ImportJob }) {
  const { t } = useTranslation("org");
  const prefix = job.dryRun ? "import.would" : "import.did";
  return (
    <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
      <Stat label={t("import.rows")} value={job.totalRows} />
      <Stat label={t(`${prefix}.create`)} value={job.createdCount} color="green" />
      <Stat label={t(`${prefix}.update`)} value={job.updatedCount} color="blue" />
      <Stat label={t("import.invalid")} value={invalidRows(job)} color={invalidRows(job) ? "red" : undefined} />
    </SimpleGrid>
  );
}
