import { Progress, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { intlLocale } from "../../../ui/format";
import type { CalendarTarget } from "../types";

/** The employee's targets: indicators, and the activities and time reported against each, as a share of all reported time. */
export function TargetList({ targets }: { targets: CalendarTarget[] }) {
  const { t, i18n } = useTranslation("monitoring");
  const locale = intlLocale(i18n.language);
  const num = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const percent = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 });
  if (targets.length === 0) return <Text c="dimmed">{t("employee.noTargets")}</Text>;
  const totalMinutes = targets.reduce((n, g) => n + g.minutes, 0);
  return (
    <Stack gap="md" component="ul" p={0} m={0} style={{ listStyle: "none" }}>
      {targets.map((g) => {
        const share = totalMinutes > 0 ? g.minutes / totalMinutes : 0;
        const amount = t("employee.activities", { count: g.activities, hours: num.format(g.minutes / 60) });
        const name = g.code ? `${g.code} · ${g.title}` : g.title;
        return (
          <Stack component="li" key={g.id} gap={4}>
            <Text size="sm" fw={500} style={{ overflowWrap: "anywhere" }}>
              {name}
            </Text>
            {g.indicators.length > 0 ? (
              <Text size="xs" c="dimmed" style={{ overflowWrap: "anywhere" }}>
                {g.indicators
                  .map((i) => (i.target !== null && i.target !== undefined ? `${i.name}: ${num.format(i.target)} ${i.unit ?? ""}`.trim() : i.name))
                  .join(" · ")}
              </Text>
            ) : null}
            <Progress value={share * 100} color="abdi.9" aria-label={`${name}: ${t("employee.share")} ${percent.format(share)}`} />
            <Text size="xs">
              {amount} · {percent.format(share)}
            </Text>
          </Stack>
        );
      })}
    </Stack>
  );
}
