import { Box, Group, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { type ByGeofence, GEOFENCES } from "../types";
import { GEOFENCE_COLOURS, PLACE_COLOUR } from "./colours";

/** What the colours mean, with the day's count per geofence result: also the map's text alternative. */
export function MapLegend({ totals }: { totals: ByGeofence }) {
  const { t } = useTranslation("monitoring");
  return (
    <Box
      component="ul"
      p={0}
      m={0}
      style={{ listStyle: "none", display: "flex", flexWrap: "wrap", gap: "var(--mantine-spacing-xs) var(--mantine-spacing-md)" }}
    >
      {GEOFENCES.map((g) => (
        <Group component="li" key={g} gap={6} wrap="nowrap">
          <Box
            aria-hidden
            w={14}
            h={14}
            style={{ borderRadius: "50%", background: GEOFENCE_COLOURS[g], border: "2px solid #fff", boxShadow: "0 0 0 1px #868e96" }}
          />
          <Text size="sm">{t("map.legendItem", { label: t(`geofence.${g}`), count: totals[g] ?? 0 })}</Text>
        </Group>
      ))}
      <Group component="li" gap={6} wrap="nowrap">
        <Box aria-hidden w={14} h={14} style={{ borderRadius: 3, background: "rgba(31,89,176,0.1)", border: `2px solid ${PLACE_COLOUR}` }} />
        <Text size="sm">{t("map.legendPlace")}</Text>
      </Group>
    </Box>
  );
}
