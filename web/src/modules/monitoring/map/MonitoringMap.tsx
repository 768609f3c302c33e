import "leaflet/dist/leaflet.css";
import { Box } from "@mantine/core";
import { type LatLngBounds, latLng, latLngBounds } from "leaflet";
import { useEffect, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Circle, CircleMarker, MapContainer, Polygon, Popup, ScaleControl, TileLayer, Tooltip, useMap, ZoomControl } from "react-leaflet";
import { INDONESIA, TILE_ATTRIBUTION, TILE_URL } from "../../logbook/map/tiles";
import { timeOfDay } from "../components/PersonRowCard";
import type { Geofence, MapAnswer, MapPlace } from "../types";
import { dominant, GEOFENCE_COLOURS, PLACE_COLOUR } from "./colours";

const M_PER_DEG = 111_320;

function outline(p: MapPlace): [number, number][] | null {
  return p.polygon && p.polygon.length >= 3 ? p.polygon : null;
}

function boundsOf(data: MapAnswer): LatLngBounds | null {
  let b: LatLngBounds | null = null;
  const add = (next: LatLngBounds) => {
    b = b ? b.extend(next) : next;
  };
  for (const p of data.places) {
    const poly = outline(p);
    if (poly) add(latLngBounds(poly));
    else add(latLng(p.lat, p.lng).toBounds(Math.max(p.radiusM ?? 100, 50) * 2));
  }
  for (const p of data.points ?? []) add(latLng(p.lat, p.lng).toBounds(200));
  for (const c of data.clusters) add(latLng(c.lat, c.lng).toBounds(1000));
  return b;
}

function FitView({ bounds }: { bounds: LatLngBounds | null }) {
  const map = useMap();
  const key = bounds ? bounds.toBBoxString() : "";
  // biome-ignore lint/correctness/useExhaustiveDependencies: refit only when the box itself changes
  useEffect(() => {
    if (bounds) map.fitBounds(bounds, { padding: [24, 24], maxZoom: 16 });
    else map.setView(INDONESIA.centre, INDONESIA.zoom);
  }, [map, key]);
  return null;
}

function PlaceShape({ place }: { place: MapPlace }) {
  const style = { color: PLACE_COLOUR, weight: 2, fillColor: PLACE_COLOUR, fillOpacity: 0.1 };
  const poly = outline(place);
  if (poly) {
    const top = poly.reduce((a, p) => (p[0] > a[0] ? p : a), poly[0]);
    return (
      <>
        <Polygon positions={poly} pathOptions={style} />
        <Label at={top} text={place.name} />
      </>
    );
  }
  const r = place.radiusM ?? 100;
  return (
    <>
      <Circle center={[place.lat, place.lng]} radius={r} pathOptions={style} />
      <Label at={[place.lat + r / M_PER_DEG, place.lng]} text={place.name} />
    </>
  );
}

/** A permanent label above a point, drawn as a tooltip of an invisible marker (no tiles needed). */
function Label({ at, text }: { at: [number, number]; text: string }) {
  return (
    <CircleMarker center={at} radius={0} pathOptions={{ opacity: 0, fillOpacity: 0 }} interactive={false}>
      <Tooltip permanent direction="top" opacity={1}>
        {text}
      </Tooltip>
    </CircleMarker>
  );
}

interface Props {
  data: MapAnswer;
  /** Times in this zone (the browser's when absent). */
  timeZone?: string;
  height?: number | string;
}

/**
 * Today's check-ins on a map: office places as outlines with labels, exact
 * points (with a popup) for viewers allowed to see positions, otherwise
 * clusters sized by count. All vector layers: without a tile server the map
 * still shows everything on a plain background.
 */
export function MonitoringMap({ data, timeZone, height = 480 }: Props) {
  const { t, i18n } = useTranslation("monitoring");
  const bounds = useMemo(() => boundsOf(data), [data]);
  const label = (g: Geofence) => t(`geofence.${g}`);
  return (
    <Box style={{ height, borderRadius: "var(--mantine-radius-md)", overflow: "hidden", border: "1px solid var(--mantine-color-gray-4)" }}>
      <MapContainer
        center={INDONESIA.centre}
        zoom={INDONESIA.zoom}
        zoomControl={false}
        zoomSnap={0.25}
        attributionControl={Boolean(TILE_URL)}
        style={{ height: "100%", width: "100%", background: "#eef2f6" }}
        scrollWheelZoom={false}
      >
        {TILE_URL ? <TileLayer url={TILE_URL} attribution={TILE_ATTRIBUTION} /> : null}
        <ZoomControl position="topright" zoomInTitle={t("map.zoomIn")} zoomOutTitle={t("map.zoomOut")} />
        <ScaleControl position="bottomleft" imperial={false} />
        {data.places.map((p) => (
          <PlaceShape key={p.id} place={p} />
        ))}
        {data.exact
          ? (data.points ?? []).map((p) => (
              <CircleMarker
                key={`${p.employeeId}-${p.at}`}
                center={[p.lat, p.lng]}
                radius={7}
                pathOptions={{ color: "#ffffff", weight: 2, fillColor: GEOFENCE_COLOURS[p.geofence], fillOpacity: 1 }}
              >
                <Popup>
                  <strong>{p.name}</strong>
                  <br />
                  {t("map.pointAt", { time: timeOfDay(p.at, timeZone, i18n.language), mode: t(`mode.${p.mode}`) })}
                  <br />
                  {label(p.geofence)}
                </Popup>
              </CircleMarker>
            ))
          : data.clusters.map((c) => {
              const g = dominant(c.byGeofence);
              return (
                <CircleMarker
                  key={`${c.lat},${c.lng}`}
                  center={[c.lat, c.lng]}
                  radius={Math.min(40, 8 + 4 * Math.sqrt(c.count))}
                  pathOptions={{ color: "#ffffff", weight: 2, fillColor: GEOFENCE_COLOURS[g], fillOpacity: 0.85 }}
                >
                  <Tooltip permanent direction="center" opacity={1}>
                    {c.count}
                  </Tooltip>
                  <Popup>
                    <strong>{t("map.cluster", { count: c.count })}</strong>
                    {(Object.entries(c.byGeofence) as [Geofence, number][]).map(([k, n]) => (
                      <div key={k}>
                        {label(k)}: {n}
                      </div>
                    ))}
                  </Popup>
                </CircleMarker>
              );
            })}
        <FitView bounds={bounds} />
      </MapContainer>
    </Box>
  );
}
