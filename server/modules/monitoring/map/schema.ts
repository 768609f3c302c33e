import { z } from "zod";

const Geofences = z.enum(["office", "home", "other_place", "outside", "poor_fix", "unavailable"]);
const ByGeofence = z.partialRecord(Geofences, z.number());

export const MapQuery = z.object({ unitId: z.uuid().optional(), date: z.iso.date().optional() });

export const MapOut = z.object({
  exact: z.boolean(),
  places: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      kind: z.string(),
      lat: z.number(),
      lng: z.number(),
      radiusM: z.number().nullable(),
      polygon: z.array(z.tuple([z.number(), z.number()])).nullable(),
    }),
  ),
  points: z
    .array(
      z.object({
        employeeId: z.string(),
        name: z.string(),
        lat: z.number(),
        lng: z.number(),
        geofence: Geofences,
        mode: z.enum(["WFO", "WFH", "DL", "CUTI", "SAKIT"]),
        at: z.string(),
      }),
    )
    .optional(),
  clusters: z.array(z.object({ lat: z.number(), lng: z.number(), count: z.number(), byGeofence: ByGeofence })),
  totals: z.object({ byGeofence: ByGeofence }),
});
export type MapOut = z.infer<typeof MapOut>;
