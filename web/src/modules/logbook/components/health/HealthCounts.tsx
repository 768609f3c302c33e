import { Paper, Progress, SimpleGrid, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { intlLocale } from "../../../../ui/format";
import type { HealthCases } from "../../types";

type Counts = NonNullable<HealthCases["counts"]>;

/** The day in numbers over the viewer's scope, and the same as one stacked bar. */
export function HealthCounts({ counts }: { counts: Counts }) {
  const { t, i18n } = useTranslation("logbook");
  const pct = (n: number) => (counts.employees ? (n / counts.employees) * 100 : 0);
  const percent = new Intl.NumberFormat(intlLocale(i18n.language), { maximumFractionDigits: 1 });
  const stats = [
    { key: "employees", value: counts.employees },
    { key: "cleared", value: counts.cleared },
    { key: "notCleared", value: counts.notCleared },
    { key: "notSubmitted", value: counts.notSubmitted },
  ] as const;
  return (
    <Paper withBorder radius="md" p={{ base: "sm", sm: "lg" }}>
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" component="dl" m={0}>
        {stats.map((s) => (
          <div key={s.key}>
            <Text component="dt" size="xs" c="dimmed">
              {t(`healthCases.count.${s.key}`)}
            </Text>
            <Text component="dd" m={0} fw={700} size="xl" c={s.key === "notCleared" && s.value > 0 ? "red.9" : undefined}>
              {s.value}
            </Text>
          </div>
        ))}
      </SimpleGrid>
      <Progress.Root size={18} mt="md" aria-hidden>
        <Progress.Section value={pct(counts.cleared)} color="green.7" />
        <Progress.Section value={pct(counts.notCleared)} color="red.8" />
        <Progress.Section value={pct(counts.notSubmitted)} color="gray.4" />
      </Progress.Root>
      <Text size="xs" c="dimmed" mt={4}>
        {t("healthCases.barCaption", {
          cleared: percent.format(pct(counts.cleared)),
          notCleared: percent.format(pct(counts.notCleared)),
          missing: percent.format(pct(counts.notSubmitted)),
        })}
      </Text>
    </Paper>
  );
}
