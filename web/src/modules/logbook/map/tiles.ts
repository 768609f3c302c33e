/**
 * The map background. Empty by default: maps then draw places, positions and
 * labels on a plain background, so they work offline and send nobody's
 * whereabouts to a tile server. Set VITE_MAP_TILE_URL (e.g. an OpenStreetMap
 * tile server of the agency) at build time to show streets underneath.
 */
export const TILE_URL: string = import.meta.env.VITE_MAP_TILE_URL ?? "";
export const TILE_ATTRIBUTION: string = import.meta.env.VITE_MAP_TILE_ATTRIBUTION ?? "";

/** Colours of the layers: dark enough to read against the plain background and against tiles. */
export const MAP_COLOURS = {
  office: "#0b468f",
  home: "#2b8a3e",
  other: "#a04d00",
  draft: "#862e9c",
  position: "#c92a2a",
} as const;

/** Where the map looks when there is nothing to show: Indonesia. */
export const INDONESIA = { centre: [-2.5, 118] as [number, number], zoom: 4 };
