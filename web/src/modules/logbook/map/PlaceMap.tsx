import "leaflet/dist/leaflet.css";
import { Box, Text } from "@mantine/core";
import { type LatLngBounds, latLng, latLngBounds } from "leaflet";
import { type ReactNode, useEffect, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Circle, CircleMarker, MapContainer, Polygon, ScaleControl, TileLayer, Tooltip, useMap, useMapEvents, ZoomControl } from "react-leaflet";
import type { Fix, Shape } from "../types";
import { INDONESIA, MAP_COLOURS, TILE_ATTRIBUTION, TILE_URL } from "./tiles";

export interface MapPlace {
  id: string;
  name: string;
  kind: "office" | "home" | "other" | "draft";
  shape: Shape;
}

interface Props {
  places: MapPlace[];
  /** The person's own fix: a point with its accuracy circle. */
  position?: Fix | null;
  /** Clicking the map picks a point (HR drawing an office, a person placing their home). */
  onPick?: (p: { lat: number; lng: number }) => void;
  height?: number;
  /** What the map shows, in words (the figure's caption; the map itself is a picture of it). */
  caption: ReactNode;
}

function boundsOf(places: MapPlace[], position: Fix | null | undefined): LatLngBounds | null {
  let b: LatLngBounds | null = null;
  const add = (next: LatLngBounds) => {
    b = b ? b.extend(next) : next;
  };
  for (const p of places) {
    if (p.shape.type === "circle") add(latLng(p.shape.lat, p.shape.lng).toBounds(p.shape.radiusM * 2));
    else add(latLngBounds(p.shape.points));
  }
  if (position) add(latLng(position.lat, position.lng).toBounds(Math.max(40, Math.min(position.accuracy, 5000)) * 2));
  return b;
}

/** Keeps everything in view when what is shown changes. */
function FitView({ bounds }: { bounds: LatLngBounds | null }) {
  const map = useMap();
  const key = bounds ? bounds.toBBoxString() : "";
  // biome-ignore lint/correctness/useExhaustiveDependencies: refit only when the box itself changes
  useEffect(() => {
    if (bounds) map.fitBounds(bounds, { paddingTopLeft: [12, 36], paddingBottomRight: [12, 24], maxZoom: 17 });
    else map.setView(INDONESIA.centre, INDONESIA.zoom);
  }, [map, key]);
  return null;
}

function Picker({ onPick }: { onPick: (p: { lat: number; lng: number }) => void }) {
  useMapEvents({ click: (e) => onPick({ lat: e.latlng.lat, lng: e.latlng.lng }) });
  return null;
}

/** Metres per degree of latitude. */
const M_PER_DEG = 111_320;

/** The northernmost point of a shape: its label sits just above it, clear of the person's own point inside. */
function topOf(shape: Shape): [number, number] {
  if (shape.type === "circle") return [shape.lat + shape.radiusM / M_PER_DEG, shape.lng];
  return shape.points.reduce((top, p) => (p[0] > top[0] ? p : top), shape.points[0]);
}

function PlaceLayer({ place }: { place: MapPlace }) {
  const colour = MAP_COLOURS[place.kind];
  const style = { color: colour, weight: 2, fillColor: colour, fillOpacity: 0.15, dashArray: place.kind === "draft" ? "6 4" : undefined };
  return (
    <>
      {place.shape.type === "circle" ? (
        <Circle center={[place.shape.lat, place.shape.lng]} radius={place.shape.radiusM} pathOptions={style} />
      ) : (
        <Polygon positions={place.shape.points} pathOptions={style} />
      )}
      <CircleMarker center={topOf(place.shape)} radius={0} pathOptions={{ opacity: 0, fillOpacity: 0 }} interactive={false}>
        <Tooltip permanent direction="top" opacity={1}>
          {place.name}
        </Tooltip>
      </CircleMarker>
    </>
  );
}

/**
 * A small Leaflet map of places (circles and polygons) and one's own position.
 * Everything is drawn as vector layers, so without a tile server it still
 * shows the shapes, the point and their labels on a plain background.
 */
export function PlaceMap({ places, position, onPick, height = 220, caption }: Props) {
  const { t } = useTranslation("logbook");
  const bounds = useMemo(() => boundsOf(places, position), [places, position]);
  return (
    <Box component="figure" m={0}>
      <Box style={{ height, borderRadius: "var(--mantine-radius-md)", overflow: "hidden", border: "1px solid var(--mantine-color-gray-4)" }}>
        <MapContainer
          center={INDONESIA.centre}
          zoom={INDONESIA.zoom}
          zoomControl={false}
          zoomSnap={0.25}
          attributionControl={Boolean(TILE_URL)}
          style={{ height: "100%", width: "100%", background: "#eef2f6", cursor: onPick ? "crosshair" : undefined }}
          scrollWheelZoom={false}
        >
          {TILE_URL ? <TileLayer url={TILE_URL} attribution={TILE_ATTRIBUTION} /> : null}
          <ZoomControl position="topright" zoomInTitle={t("map.zoomIn")} zoomOutTitle={t("map.zoomOut")} />
          <ScaleControl position="bottomleft" imperial={false} />
          {places.map((p) => (
            <PlaceLayer key={p.id} place={p} />
          ))}
          {position ? (
            <>
              <Circle
                center={[position.lat, position.lng]}
                radius={position.accuracy}
                pathOptions={{ color: MAP_COLOURS.position, weight: 1, dashArray: "4 4", fillOpacity: 0.06 }}
              />
              <CircleMarker
                center={[position.lat, position.lng]}
                radius={7}
                pathOptions={{ color: "#ffffff", weight: 2, fillColor: MAP_COLOURS.position, fillOpacity: 1 }}
              >
                <Tooltip permanent direction="bottom" opacity={1}>
                  {t("map.you")}
                </Tooltip>
              </CircleMarker>
            </>
          ) : null}
          <FitView bounds={bounds} />
          {onPick ? <Picker onPick={onPick} /> : null}
        </MapContainer>
      </Box>
      <Text component="figcaption" size="xs" c="dimmed" mt={4}>
        {caption}
      </Text>
    </Box>
  );
}
