import { z } from "zod";
import { CIRCLE_RADIUS_M, POLYGON_POINTS } from "../checkin/geofence.js";

export const Lat = z.number().min(-90).max(90);
export const Lng = z.number().min(-180).max(180);
const Name = z.string().trim().min(1).max(200);

export const Shape = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("circle"), lat: Lat, lng: Lng, radiusM: z.number().int().min(CIRCLE_RADIUS_M.min).max(CIRCLE_RADIUS_M.max) }),
  z.strictObject({
    type: z.literal("polygon"),
    points: z
      .array(z.tuple([Lat, Lng]))
      .min(POLYGON_POINTS.min)
      .max(POLYGON_POINTS.max),
  }),
]);

const nonEmpty = (v: object) => Object.keys(v).length > 0;

/** An office of a unit (unitId) or of the whole agency (unitId null). */
export const OfficeCreate = z.strictObject({ name: Name, unitId: z.uuid().nullable(), shape: Shape });
/** Offices: name, unit, shape. A person's own place: name and shape (the owner's edit sends it back to pending). */
export const PlaceUpdate = z.strictObject({ name: Name, unitId: z.uuid().nullable(), shape: Shape }).partial().refine(nonEmpty, "nothing to change");
export const OwnPlaceCreate = z.strictObject({ kind: z.enum(["home", "other"]), name: Name, shape: Shape });
export const Decision = z.strictObject({ decision: z.enum(["approve", "reject"]), comment: z.string().trim().max(500).optional() });

export const OfficeListQuery = z.object({ agencyId: z.uuid().optional(), unitId: z.uuid().optional() });
export const ProposalQuery = z.object({ agencyId: z.uuid().optional(), status: z.enum(["pending", "approved", "rejected"]).default("pending") });

export const PlaceOut = z.object({
  id: z.string(),
  kind: z.enum(["office", "home", "other"]),
  name: z.string(),
  agencyId: z.string(),
  unitId: z.string().nullable(),
  employeeId: z.string().nullable(),
  status: z.enum(["pending", "approved", "rejected"]),
  /** Null when the viewer may not see where someone's own place is. */
  shape: Shape.nullable(),
  coordinatesHidden: z.boolean(),
  decidedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const ProposalOut = PlaceOut.extend({ employee: z.object({ id: z.string(), name: z.string(), unitName: z.string() }) });

export type ShapeIn = z.infer<typeof Shape>;
export type OfficeCreate = z.infer<typeof OfficeCreate>;
export type PlaceUpdate = z.infer<typeof PlaceUpdate>;
export type OwnPlaceCreate = z.infer<typeof OwnPlaceCreate>;
export type Decision = z.infer<typeof Decision>;
export type PlaceOut = z.infer<typeof PlaceOut>;
