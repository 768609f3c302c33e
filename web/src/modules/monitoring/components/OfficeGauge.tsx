import { Group, Progress, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Counts } from "../types";

/** Over the office cap of the arrangement policy (a number of people). */
export function isOverCap(c: Counts): boolean {
  return c.office.cap !== null && c.office.present > c.office.cap;
}

/** Office occupancy as a bar against the cap (or against the staff when there is none); red when over the cap. */
export function OfficeGauge({ counts, compact }: { counts: Counts; compact?: boolean }) {
  const { t } = useTranslation("monitoring");
  const { present, cap } = counts.office;
  const over = isOverCap(counts);
  const of = cap ?? counts.employees;
  const value = of > 0 ? Math.min(100, Math.round((present / of) * 100)) : present > 0 ? 100 : 0;
  const label = cap === null ? t("office.noCap", { present, employees: counts.employees }) : t("office.ofCap", { present, cap });
  return (
    <Stack gap={4}>
      <Progress value={value} color={over ? "red.8" : "abdi.9"} size={compact ? "sm" : "lg"} aria-label={label} />
      {compact ? null : (
        <Group justify="space-between" gap="xs">
          <Text size="sm" c={over ? "red.9" : undefined} fw={over ? 600 : undefined}>
            {label}
          </Text>
          {over ? (
            <Text size="sm" c="red.9" fw={700}>
              {t("office.over", { count: present - (cap ?? 0) })}
            </Text>
          ) : null}
        </Group>
      )}
    </Stack>
  );
}
