import { Box, Group, SimpleGrid, Text, UnstyledButton } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { intlLocale } from "../../../../ui/format";
import type { Report, ReportStatus } from "../../types";
import { dayText } from "../../words";

/** Fill and text colours per status: text stays at 4.5:1 on its fill. */
const FILL: Record<ReportStatus | "none", { bg: string; fg: string }> = {
  none: { bg: "var(--mantine-color-white)", fg: "var(--mantine-color-text)" },
  draft: { bg: "var(--mantine-color-gray-3)", fg: "var(--mantine-color-black)" },
  submitted: { bg: "var(--mantine-color-blue-2)", fg: "var(--mantine-color-black)" },
  returned: { bg: "var(--mantine-color-orange-3)", fg: "var(--mantine-color-black)" },
  approved: { bg: "var(--mantine-color-green-3)", fg: "var(--mantine-color-black)" },
};

function daysOf(month: string): string[] {
  const [y, m] = month.split("-").map(Number);
  const count = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return Array.from({ length: count }, (_, i) => `${month}-${String(i + 1).padStart(2, "0")}`);
}

/** Monday = 0 … Sunday = 6. */
const weekdayOf = (date: string) => (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;

interface Props {
  month: string;
  today: string;
  reports: Report[];
}

/** A month as a calendar heatmap: each day coloured by its report's status, opening the day. */
export function MonthGrid({ month, today, reports }: Props) {
  const { t, i18n } = useTranslation("logbook");
  const locale = intlLocale(i18n.language);
  const byDate = new Map(reports.map((r) => [r.workDate, r]));
  const days = daysOf(month);
  const lead = weekdayOf(days[0]);
  // 1 January 2024 was a Monday: its week names the columns.
  const weekdays = ["01", "02", "03", "04", "05", "06", "07"].map((d) => ({
    key: d,
    label: new Intl.DateTimeFormat(locale, { weekday: "narrow", timeZone: "UTC" }).format(new Date(`2024-01-${d}T00:00:00Z`)),
  }));
  // The days of the previous month that fill the first week.
  const leading = Array.from({ length: lead }, (_, i) => new Date(Date.parse(`${days[0]}T00:00:00Z`) - (lead - i) * 86_400_000).toISOString().slice(0, 10));
  return (
    <Box>
      <SimpleGrid cols={7} spacing={4} verticalSpacing={4} aria-hidden>
        {weekdays.map((w) => (
          <Text key={w.key} size="xs" c="dimmed" ta="center">
            {w.label}
          </Text>
        ))}
      </SimpleGrid>
      <SimpleGrid component="ol" cols={7} spacing={4} verticalSpacing={4} m={0} mt={4} p={0} style={{ listStyle: "none" }} aria-label={t("history.calendar")}>
        {leading.map((d) => (
          <li key={d} aria-hidden />
        ))}
        {days.map((d) => {
          const r = byDate.get(d);
          const status = r?.status ?? "none";
          const fill = FILL[status];
          const label = `${dayText(d, locale)}: ${t(`reportStatus.${status}`)}`;
          const future = d > today;
          const cell = (
            <Box
              h={40}
              style={{
                background: fill.bg,
                color: fill.fg,
                borderRadius: 6,
                border: d === today ? "2px solid var(--mantine-color-abdi-9)" : `1px ${future ? "dashed" : "solid"} var(--mantine-color-gray-4)`,
                display: "flex",
                alignItems: "center",
                justifyContent: "center",
              }}
            >
              <Text size="sm" fw={r ? 700 : 400} c={future ? "dimmed" : undefined}>
                {Number(d.slice(8))}
              </Text>
            </Box>
          );
          return (
            <li key={d}>
              {future ? (
                <Box aria-label={label} role="img">
                  {cell}
                </Box>
              ) : (
                <UnstyledButton component={Link} to={`/logbook/reports/${d}`} aria-label={label} display="block">
                  {cell}
                </UnstyledButton>
              )}
            </li>
          );
        })}
      </SimpleGrid>
      <Group gap="sm" mt="sm" aria-label={t("history.legend")} role="list">
        {(["draft", "submitted", "returned", "approved"] as const).map((s) => (
          <Group key={s} gap={4} role="listitem" wrap="nowrap">
            <Box w={14} h={14} style={{ background: FILL[s].bg, borderRadius: 3, border: "1px solid var(--mantine-color-gray-4)" }} />
            <Text size="xs">{t(`reportStatus.${s}`)}</Text>
          </Group>
        ))}
      </Group>
    </Box>
  );
}
