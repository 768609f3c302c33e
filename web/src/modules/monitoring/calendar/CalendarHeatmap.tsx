import { Box, Group, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { intlLocale } from "../../../ui/format";
import { type CalendarDay, MODES, REPORT_STATUSES } from "../types";
import { DAY_OFF, LATE_COLOUR, MODE_COLOURS, NO_CHECKIN, OUTSIDE, REPORT_MARKS } from "./colours";

const CELL = "minmax(0, 2.25rem)";

/** The months (YYYY-MM) between two dates, oldest first. */
function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  const end = to.slice(0, 7);
  for (;;) {
    const key = `${y}-${String(m).padStart(2, "0")}`;
    out.push(key);
    if (key >= end || out.length > 24) return out;
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
}

function daysIn(month: string): number {
  const [y, m] = month.split("-").map(Number);
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Monday = 0 … Sunday = 6. */
function weekdayOf(date: string): number {
  return (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
}

interface Props {
  days: CalendarDay[];
  from: string;
  to: string;
}

/** Days of an employee as a calendar per month: colour by mode, a red corner when late, a mark for the report status. */
export function CalendarHeatmap({ days, from, to }: Props) {
  const { t, i18n } = useTranslation("monitoring");
  const locale = intlLocale(i18n.language);
  const byDate = new Map(days.map((d) => [d.date, d]));
  const monthName = new Intl.DateTimeFormat(locale, { month: "long", year: "numeric", timeZone: "UTC" });
  const dayName = new Intl.DateTimeFormat(locale, { weekday: "short", timeZone: "UTC" });
  const longDay = new Intl.DateTimeFormat(locale, { weekday: "long", day: "numeric", month: "long", timeZone: "UTC" });
  const weekdays = Array.from({ length: 7 }, (_, i) => dayName.format(new Date(Date.UTC(2024, 0, 1 + i))));

  const describe = (date: string, d: CalendarDay | undefined) => {
    const parts = [longDay.format(new Date(`${date}T00:00:00Z`))];
    if (date < from || date > to) parts.push(t("calendar.outside"));
    else if (!d?.workday) parts.push(t("calendar.dayOff"));
    else {
      parts.push(d.mode ? t(`mode.${d.mode}`) : t("calendar.noCheckin"));
      if (d.minutesLate) parts.push(t("calendar.late"));
      if (d.reportStatus) parts.push(t("people.report", { status: t(`reports.${d.reportStatus}`) }));
    }
    return parts.join(", ");
  };

  return (
    <Stack gap="md">
      <Group gap="lg" align="flex-start" wrap="wrap">
        {monthsBetween(from, to).map((month) => {
          const first = `${month}-01`;
          const count = daysIn(month);
          return (
            <Box key={month} component="section" aria-label={monthName.format(new Date(`${first}T00:00:00Z`))} style={{ flex: "1 1 15rem", maxWidth: "20rem" }}>
              <Title order={3} size="h6" mb={4}>
                {monthName.format(new Date(`${first}T00:00:00Z`))}
              </Title>
              <Box style={{ display: "grid", gridTemplateColumns: `repeat(7, ${CELL})`, gap: 3 }}>
                {weekdays.map((w) => (
                  <Text key={w} size="xs" c="dimmed" ta="center" aria-hidden>
                    {w.slice(0, 2)}
                  </Text>
                ))}
                {Array.from({ length: count }, (_, i) => {
                  const date = `${month}-${String(i + 1).padStart(2, "0")}`;
                  const d = byDate.get(date);
                  const inRange = date >= from && date <= to;
                  const colours = !inRange ? OUTSIDE : !d?.workday ? DAY_OFF : d.mode ? MODE_COLOURS[d.mode] : NO_CHECKIN;
                  const label = describe(date, d);
                  return (
                    <Box
                      key={date}
                      role="img"
                      aria-label={label}
                      title={label}
                      data-date={date}
                      style={{
                        gridColumnStart: i === 0 ? weekdayOf(date) + 1 : undefined,
                        aspectRatio: "1",
                        position: "relative",
                        borderRadius: 4,
                        background: colours.bg,
                        color: colours.fg,
                        border: inRange ? "1px solid var(--mantine-color-gray-4)" : "1px dashed var(--mantine-color-gray-4)",
                        fontSize: 11,
                        lineHeight: 1,
                        padding: 2,
                      }}
                    >
                      <span aria-hidden>{i + 1}</span>
                      {d?.minutesLate ? (
                        <span
                          aria-hidden
                          style={{
                            position: "absolute",
                            top: 0,
                            right: 0,
                            width: 0,
                            height: 0,
                            borderTop: `9px solid ${LATE_COLOUR}`,
                            borderLeft: "9px solid transparent",
                          }}
                        />
                      ) : null}
                      {d?.reportStatus && REPORT_MARKS[d.reportStatus] ? (
                        <span aria-hidden style={{ position: "absolute", bottom: 1, right: 3, fontWeight: 700 }}>
                          {REPORT_MARKS[d.reportStatus]}
                        </span>
                      ) : null}
                    </Box>
                  );
                })}
              </Box>
            </Box>
          );
        })}
      </Group>
      <CalendarLegend />
    </Stack>
  );
}

function Swatch({ bg, children }: { bg: string; children: ReactNode }) {
  return (
    <Group component="li" gap={6} wrap="nowrap">
      <Box aria-hidden w={16} h={16} style={{ background: bg, border: "1px solid var(--mantine-color-gray-5)", borderRadius: 3, position: "relative" }} />
      <Text size="sm">{children}</Text>
    </Group>
  );
}

function CalendarLegend() {
  const { t } = useTranslation("monitoring");
  return (
    <Box component="ul" aria-label={t("calendar.legend")} p={0} m={0} style={{ listStyle: "none", display: "flex", flexWrap: "wrap", gap: "6px 16px" }}>
      {MODES.map((m) => (
        <Swatch key={m} bg={MODE_COLOURS[m].bg}>
          {t(`mode.${m}`)}
        </Swatch>
      ))}
      <Swatch bg={NO_CHECKIN.bg}>{t("calendar.noCheckin")}</Swatch>
      <Swatch bg={DAY_OFF.bg}>{t("calendar.dayOff")}</Swatch>
      <Group component="li" gap={6} wrap="nowrap">
        <Box aria-hidden w={16} h={16} style={{ border: "1px solid var(--mantine-color-gray-5)", borderRadius: 3, position: "relative", overflow: "hidden" }}>
          <span style={{ position: "absolute", top: 0, right: 0, borderTop: `9px solid ${LATE_COLOUR}`, borderLeft: "9px solid transparent" }} />
        </Box>
        <Text size="sm">{t("calendar.late")}</Text>
      </Group>
      {REPORT_STATUSES.filter((s) => REPORT_MARKS[s]).map((s) => (
        <Group component="li" key={s} gap={6} wrap="nowrap">
          <Text aria-hidden fw={700} w={16} ta="center">
            {REPORT_MARKS[s]}
          </Text>
          <Text size="sm">{t("people.report", { status: t(`reports.${s}`) })}</Text>
        </Group>
      ))}
    </Box>
  );
}
