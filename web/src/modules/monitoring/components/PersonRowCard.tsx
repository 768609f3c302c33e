import { Anchor, Badge, Group, Paper, Stack, Text } from "@mantine/core";
import { IconPhone } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { intlLocale } from "../../../ui/format";
import type { PersonRow } from "../types";

/** The time of day of an instant in the unit's zone, e.g. "07.42". */
export function timeOfDay(iso: string, timeZone: string | undefined, language: string): string {
  return new Intl.DateTimeFormat(intlLocale(language), { hour: "2-digit", minute: "2-digit", timeZone }).format(new Date(iso));
}

/** One person of a drill-down list: name (to their calendar), unit, phone, the day's check-in, report and health. */
export function PersonRowCard({ row: r, timeZone }: { row: PersonRow; timeZone: string }) {
  const { t, i18n } = useTranslation("monitoring");
  const time = (iso: string) => timeOfDay(iso, timeZone, i18n.language);
  return (
    <Paper component="li" withBorder p="sm" radius="md" aria-label={r.name}>
      <Stack gap={4}>
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Anchor component={Link} to={`/monitoring/employees/${r.employeeId}`} fw={600} style={{ overflowWrap: "anywhere" }}>
            {r.name}
          </Anchor>
          {r.mode ? (
            <Badge variant="light" color="abdi.9">
              {t(`mode.${r.mode}`)}
            </Badge>
          ) : null}
        </Group>
        <Text size="xs" c="dimmed" style={{ overflowWrap: "anywhere" }}>
          {[r.nipMasked, r.unitName].filter(Boolean).join(" · ")}
        </Text>
        {r.phone ? (
          <Anchor href={`tel:${r.phone.replace(/[^\d+]/g, "")}`} size="sm" style={{ display: "inline-flex", alignItems: "center", gap: 4 }}>
            <IconPhone size={14} aria-hidden />
            {r.phone}
          </Anchor>
        ) : null}
        <Group gap="xs" wrap="wrap">
          <Text size="sm">{r.checkinAt ? t("people.checkin", { time: time(r.checkinAt) }) : t("people.noCheckin")}</Text>
          {r.checkoutAt ? <Text size="sm">{t("people.checkout", { time: time(r.checkoutAt) })}</Text> : null}
          {r.minutesLate && r.minutesLate > 0 ? (
            <Text size="sm" c="red.9" fw={600}>
              {t("people.late", { count: r.minutesLate })}
            </Text>
          ) : null}
        </Group>
        <Group gap="xs" wrap="wrap">
          {r.expectedMode && r.mode && r.expectedMode !== r.mode ? <Text size="xs">{t("people.expected", { mode: t(`mode.${r.expectedMode}`) })}</Text> : null}
          {r.geofence ? <Text size="xs">{t(`geofence.${r.geofence}`)}</Text> : null}
          {r.reportStatus ? <Text size="xs">{t("people.report", { status: t(`reports.${r.reportStatus}`) })}</Text> : null}
          {r.healthCleared === null ? null : (
            <Text size="xs" c={r.healthCleared ? undefined : "red.9"}>
              {t(r.healthCleared ? "people.cleared" : "people.notCleared")}
            </Text>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
