import { Badge, Group, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Geofence, QueueItem } from "../../types";
import { whereText } from "../../words";

const GOOD = new Set(["office", "home", "other_place"]);

/** What a supervisor may see of the day besides the report: check-in results and cleared / not cleared. */
export function DayResults({ day }: { day: QueueItem["day"] }) {
  const { t } = useTranslation("logbook");
  const health =
    day.cleared === null
      ? { label: t("review.healthMissing"), color: "gray" }
      : day.cleared
        ? { label: t("review.healthCleared"), color: "green" }
        : { label: t("review.healthNotCleared"), color: "red" };
  return (
    <Stack gap={4}>
      {day.checkins.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("review.noCheckin")}
        </Text>
      ) : (
        day.checkins.map((c) => (
          <Text key={c.kind} size="sm">
            <Text span fw={600} c={GOOD.has(c.geofence) ? undefined : "orange.9"}>
              {t(c.kind === "in" ? "review.in" : "review.out")}:
            </Text>{" "}
            {whereText({ geofence: c.geofence as Geofence, place: c.placeName ? { id: "", name: c.placeName } : null, positionError: null }, t)} ·{" "}
            {t(`mode.${c.mode}`, { defaultValue: c.mode })}
          </Text>
        ))
      )}
      <Group gap="xs">
        <Badge variant="dot" color={health.color} styles={{ root: { color: "var(--mantine-color-text)" } }}>
          {health.label}
        </Badge>
      </Group>
    </Stack>
  );
}
