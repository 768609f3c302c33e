import { Alert, Box, Group, Stack, Text, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { Loading } from "../../../ui/Loading";
import { PageHeader } from "../../../ui/PageHeader";
import { Section } from "../../../ui/Section";
import { useMapData, useScope } from "../api";
import { UnitPicker } from "../components/UnitPicker";
import { isIsoDate, useUnitDate } from "../filters";
import { MapLegend } from "../map/MapLegend";
import { MonitoringMap } from "../map/MonitoringMap";
import { GEOFENCES } from "../types";

/** Today's check-ins of a unit subtree on a map, by geofence result. */
export default function MapPage() {
  const { t } = useTranslation("monitoring");
  const scope = useScope();
  const { unitId, date, set } = useUnitDate();
  const map = useMapData({ unitId, date });
  const units = scope.data?.units ?? [];
  const shownUnit = unitId ?? scope.data?.root;
  const d = map.data;
  const total = d ? GEOFENCES.reduce((n, g) => n + (d.totals.byGeofence[g] ?? 0), 0) : 0;
  return (
    <>
      <PageHeader title={t("map.title")} description={t("map.description")} />
      <Stack gap="md">
        <Group gap="sm" align="flex-end" wrap="wrap">
          {units.length > 0 ? <UnitPicker units={units} value={shownUnit ?? null} onChange={(id) => set({ unitId: id })} /> : null}
          <TextInput
            type="date"
            label={t("filters.date")}
            value={date ?? ""}
            onChange={(e) => {
              const v = e.currentTarget.value;
              if (isIsoDate(v)) set({ date: v });
            }}
            style={{ flex: "0 1 11rem" }}
          />
        </Group>
        <ErrorAlert error={scope.error ?? map.error} />
        {map.isPending ? <Loading /> : null}
        {d ? (
          <Section title={t("map.checkins", { count: total })} description={d.exact ? t("map.exact") : t("map.clustered")}>
            <Stack gap="sm">
              <MapLegend totals={d.totals.byGeofence} />
              <Box component="figure" m={0} aria-label={t("map.figure", { count: total, places: d.places.length })}>
                <MonitoringMap data={d} height="min(70vh, 560px)" />
                <Text component="figcaption" size="xs" c="dimmed" mt={4}>
                  {t("map.caption", { places: d.places.length, count: total })}
                </Text>
              </Box>
              {d.places.length === 0 ? (
                <Alert color="gray" variant="light">
                  {t("map.noPlaces")}
                </Alert>
              ) : null}
              {d.exact ? (
                <Text size="xs" c="dimmed">
                  {t("map.logged")}
                </Text>
              ) : null}
            </Stack>
          </Section>
        ) : null}
      </Stack>
    </>
  );
}
