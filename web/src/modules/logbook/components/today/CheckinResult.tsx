import { Badge, Group, Stack, Text } from "@mantine/core";
import { IconClockHour4, IconMapPin, IconMapPinOff } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { intlLocale } from "../../../../ui/format";
import type { Checkin, CheckinInput } from "../../types";
import { clock, latenessText, reasonText, whereText } from "../../words";
import { Notice } from "../Notice";

const GOOD = new Set(["office", "home", "other_place"]);

/** A recorded check-in or check-out as the server judged it: where, how accurate, on time or not. */
export function CheckinResult({ checkin, timezone }: { checkin: Checkin; timezone: string }) {
  const { t, i18n } = useTranslation("logbook");
  const lateness = latenessText(checkin, t);
  const good = GOOD.has(checkin.geofence);
  const Icon = checkin.geofence === "unavailable" ? IconMapPinOff : IconMapPin;
  return (
    <Notice
      variant="light"
      color={good ? "green" : "orange"}
      icon={<Icon aria-hidden />}
      title={t(checkin.kind === "in" ? "checkin.inAt" : "checkin.outAt", { time: clock(checkin.serverTime, timezone, intlLocale(i18n.language)) })}
    >
      <Stack gap={4}>
        <Text size="sm" fw={600}>
          {whereText(checkin, t)}
        </Text>
        <Group gap="xs">
          <Badge variant="outline" color="gray" styles={{ root: { color: "var(--mantine-color-text)" } }}>
            {t(`mode.${checkin.mode}`)}
          </Badge>
          {lateness ? (
            <Text size="sm" c={checkin.minutesOff ? "red.9" : undefined}>
              <IconClockHour4 size={14} aria-hidden style={{ verticalAlign: "-2px" }} /> {lateness}
            </Text>
          ) : null}
        </Group>
        {checkin.deviceTimeSkewed ? (
          <Text size="xs" c="dimmed">
            {t("checkin.skewed")}
          </Text>
        ) : null}
      </Stack>
    </Notice>
  );
}

/** A check-in kept on the device until the connection is back. */
export function PendingCheckin({ input }: { input: CheckinInput }) {
  const { t } = useTranslation("logbook");
  return (
    <Notice variant="light" color="yellow" icon={<IconClockHour4 aria-hidden />} title={t(input.kind === "in" ? "checkin.pendingIn" : "checkin.pendingOut")}>
      <Stack gap={4}>
        <Text size="sm">{t("checkin.pendingBody", { mode: t(`mode.${input.mode}`) })}</Text>
        <Text size="sm">
          {input.position
            ? t("checkin.pendingFix", { accuracy: Math.round(input.position.accuracy) })
            : t("where.unavailable", { reason: reasonText(input.positionError, t) })}
        </Text>
      </Stack>
    </Notice>
  );
}
