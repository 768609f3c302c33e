import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  distanceToShapeM,
  EARTH_RADIUS_M,
  evaluateFix,
  fixErrors,
  type GeoPlace,
  haversineM,
  insideCircle,
  insidePolygon,
  insideShape,
  type LatLng,
  shapeErrors,
} from "./geofence.js";

const JAKARTA = { lat: -6.1754, lng: 106.8272 }; // Monas
const BANDUNG = { lat: -6.9175, lng: 107.6191 };
const MAKASSAR = { lat: -5.1477, lng: 119.4327 };
const JAYAPURA = { lat: -2.5337, lng: 140.7181 };

/** The point `d` metres from `from` on bearing `deg` (great circle). */
function destination(from: LatLng, d: number, deg: number): LatLng {
  const δ = d / EARTH_RADIUS_M;
  const θ = (deg * Math.PI) / 180;
  const φ1 = (from.lat * Math.PI) / 180;
  const λ1 = (from.lng * Math.PI) / 180;
  const φ2 = Math.asin(Math.sin(φ1) * Math.cos(δ) + Math.cos(φ1) * Math.sin(δ) * Math.cos(θ));
  const λ2 = λ1 + Math.atan2(Math.sin(θ) * Math.sin(δ) * Math.cos(φ1), Math.cos(δ) - Math.sin(φ1) * Math.sin(φ2));
  return { lat: (φ2 * 180) / Math.PI, lng: (λ2 * 180) / Math.PI };
}

const office = (over: Partial<GeoPlace> = {}): GeoPlace => ({
  id: "o1",
  name: "Kantor Pusat",
  kind: "office",
  shape: { type: "circle", lat: JAKARTA.lat, lng: JAKARTA.lng, radiusM: 100 },
  ...over,
});
const fixAt = (p: LatLng, accuracyM = 20) => ({ ...p, accuracyM });
const judge = (fix: ReturnType<typeof fixAt> | null, places: GeoPlace[], threshold = 150) => evaluateFix({ fix, places, accuracyThresholdM: threshold });

// An L-shaped block in Makassar: a 400 m square with its north-east quarter cut out.
const MKS_L: [number, number][] = [
  [-5.15, 119.43],
  [-5.15, 119.4336],
  [-5.1482, 119.4336],
  [-5.1482, 119.4318],
  [-5.1464, 119.4318],
  [-5.1464, 119.43],
];

describe("distances", () => {
  it("measures Indonesian distances on the sphere", () => {
    expect(haversineM(JAKARTA, BANDUNG) / 1000).toBeCloseTo(120.3, 1);
    expect(haversineM(JAKARTA, MAKASSAR) / 1000).toBeGreaterThan(1390);
    expect(haversineM(JAKARTA, MAKASSAR) / 1000).toBeLessThan(1410);
    expect(haversineM(MAKASSAR, JAYAPURA) / 1000).toBeGreaterThan(2300);
    expect(haversineM(JAKARTA, JAKARTA)).toBe(0);
  });

  it("is symmetric, non-negative and obeys the triangle inequality", () => {
    const point = fc.record({ lat: fc.double({ min: -11, max: 6, noNaN: true }), lng: fc.double({ min: 95, max: 141, noNaN: true }) });
    fc.assert(
      fc.property(point, point, point, (a, b, c) => {
        const ab = haversineM(a, b);
        expect(ab).toBeGreaterThanOrEqual(0);
        expect(Math.abs(ab - haversineM(b, a))).toBeLessThan(1e-6);
        expect(ab).toBeLessThanOrEqual(haversineM(a, c) + haversineM(c, b) + 1e-6);
      }),
    );
  });
});

describe("circles", () => {
  it("is inside within the radius and reports the distance to the edge outside", () => {
    const circle = { lat: JAKARTA.lat, lng: JAKARTA.lng, radiusM: 100 };
    expect(insideCircle(destination(JAKARTA, 60, 0), circle)).toBe(true);
    expect(insideCircle(destination(JAKARTA, 140, 90), circle)).toBe(false);
    expect(distanceToShapeM(destination(JAKARTA, 150, 200), { type: "circle", ...circle })).toBeCloseTo(50, 0);
  });

  it("agrees with the distance from the centre for any bearing (property)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -10, max: 5, noNaN: true }),
        fc.double({ min: 95, max: 140, noNaN: true }),
        fc.integer({ min: 10, max: 5000 }),
        fc.double({ min: 0, max: 2, noNaN: true }),
        fc.double({ min: 0, max: 360, noNaN: true }),
        (lat, lng, radiusM, factor, bearing) => {
          fc.pre(Math.abs(factor - 1) > 0.01);
          const shape = { type: "circle" as const, lat, lng, radiusM };
          const p = destination({ lat, lng }, radiusM * factor, bearing);
          expect(insideShape(p, shape)).toBe(factor < 1);
          const d = distanceToShapeM(p, shape);
          if (factor < 1) expect(d).toBe(0);
          else expect(Math.abs(d - radiusM * (factor - 1))).toBeLessThan(0.5);
        },
      ),
    );
  });
});

describe("polygons", () => {
  it("handles a concave block: the cut-out corner is outside", () => {
    expect(insidePolygon({ lat: -5.149, lng: 119.431 }, MKS_L)).toBe(true);
    expect(insidePolygon({ lat: -5.147, lng: 119.431 }, MKS_L)).toBe(true);
    expect(insidePolygon({ lat: -5.147, lng: 119.4327 }, MKS_L)).toBe(false);
    expect(insidePolygon({ lat: -5.151, lng: 119.431 }, MKS_L)).toBe(false);
    const notch = distanceToShapeM({ lat: -5.147, lng: 119.4327 }, { type: "polygon", points: MKS_L });
    expect(notch).toBeGreaterThan(90);
    expect(notch).toBeLessThan(130);
  });

  it("handles a polygon spanning the equator (Pontianak)", () => {
    const ring: [number, number][] = [
      [-0.01, 109.32],
      [-0.01, 109.34],
      [0.01, 109.34],
      [0.01, 109.32],
    ];
    expect(insidePolygon({ lat: 0.005, lng: 109.33 }, ring)).toBe(true);
    expect(insidePolygon({ lat: -0.005, lng: 109.33 }, ring)).toBe(true);
    expect(insidePolygon({ lat: 0, lng: 109.33 }, ring)).toBe(true);
    expect(insidePolygon({ lat: 0.02, lng: 109.33 }, ring)).toBe(false);
    expect(insidePolygon({ lat: -0.02, lng: 109.33 }, ring)).toBe(false);
  });

  it("matches the bounds of any rectangle in Indonesia, in either winding (property)", () => {
    const coord = fc.record({ lat: fc.double({ min: -11, max: 6, noNaN: true }), lng: fc.double({ min: 95, max: 141, noNaN: true }) });
    const size = fc.double({ min: 0.0005, max: 0.05, noNaN: true });
    fc.assert(
      fc.property(coord, size, size, fc.integer({ min: -100, max: 1100 }), fc.integer({ min: -100, max: 1100 }), (sw, dLat, dLng, i, j) => {
        fc.pre(i !== 0 && i !== 1000 && j !== 0 && j !== 1000);
        const ne = { lat: sw.lat + dLat, lng: sw.lng + dLng };
        const ring: [number, number][] = [
          [sw.lat, sw.lng],
          [sw.lat, ne.lng],
          [ne.lat, ne.lng],
          [ne.lat, sw.lng],
        ];
        const [u, v] = [i / 1000, j / 1000];
        const p = { lat: sw.lat + u * dLat, lng: sw.lng + v * dLng };
        const expected = u > 0 && u < 1 && v > 0 && v < 1;
        expect(insidePolygon(p, ring)).toBe(expected);
        expect(insidePolygon(p, [...ring].reverse())).toBe(expected);
        expect(distanceToShapeM(p, { type: "polygon", points: ring }) === 0).toBe(expected);
      }),
    );
  });
});

describe("evaluating a fix", () => {
  it("is in the office when the centre is inside and the accuracy good enough", () => {
    const r = judge(fixAt(destination(JAKARTA, 40, 45)), [office()]);
    expect(r).toMatchObject({ geofence: "office", distanceM: 0, positionError: null });
    expect(r.place?.id).toBe("o1");
  });

  it("counts a fix whose accuracy circle straddles the edge only by its centre", () => {
    expect(judge(fixAt(destination(JAKARTA, 90, 0), 50), [office()]).geofence).toBe("office");
    const out = judge(fixAt(destination(JAKARTA, 110, 0), 50), [office()]);
    expect(out.geofence).toBe("outside");
    expect(out.distanceM).toBeCloseTo(10, 0);
  });

  it("never counts a poor fix as inside, but names the nearest place", () => {
    const r = judge(fixAt(JAKARTA, 151), [office()]);
    expect(r).toMatchObject({ geofence: "poor_fix", distanceM: 0 });
    expect(r.place?.name).toBe("Kantor Pusat");
    expect(judge(fixAt(JAKARTA, 150), [office()]).geofence).toBe("office");
    const far = judge(fixAt(BANDUNG, 900), [office()]);
    expect(far.geofence).toBe("poor_fix");
    expect(far.distanceM).toBeGreaterThan(100_000);
  });

  it("prefers an office over a home, and a home over another place", () => {
    const home: GeoPlace = { id: "h1", name: "Rumah", kind: "home", shape: { type: "circle", lat: JAKARTA.lat, lng: JAKARTA.lng, radiusM: 50 } };
    const other: GeoPlace = { id: "x1", name: "Perpustakaan", kind: "other", shape: { type: "circle", lat: JAKARTA.lat, lng: JAKARTA.lng, radiusM: 30 } };
    expect(judge(fixAt(JAKARTA), [other, home, office()]).geofence).toBe("office");
    expect(judge(fixAt(JAKARTA), [other, home]).geofence).toBe("home");
    expect(judge(fixAt(JAKARTA), [other]).geofence).toBe("other_place");
  });

  it("judges Makassar and Jayapura offices, and reports the nearest when outside", () => {
    const mks: GeoPlace = { id: "m", name: "Kantor Makassar", kind: "office", shape: { type: "polygon", points: MKS_L } };
    const jyp: GeoPlace = { id: "j", name: "Kantor Jayapura", kind: "office", shape: { type: "circle", ...JAYAPURA, radiusM: 200 } };
    expect(judge(fixAt({ lat: -5.149, lng: 119.431 }), [mks, jyp]).place?.id).toBe("m");
    expect(judge(fixAt(destination(JAYAPURA, 150, 270)), [mks, jyp]).place?.id).toBe("j");
    const lost = judge(fixAt(destination(JAYAPURA, 1200, 0)), [mks, jyp]);
    expect(lost).toMatchObject({ geofence: "outside" });
    expect(lost.place?.id).toBe("j");
    expect(lost.distanceM).toBeCloseTo(1000, -1);
  });

  it("reports an unavailable position with the browser's reason", () => {
    expect(evaluateFix({ fix: null, positionError: "permission_denied", places: [office()], accuracyThresholdM: 150 })).toEqual({
      geofence: "unavailable",
      place: null,
      distanceM: null,
      positionError: "permission_denied",
    });
    expect(evaluateFix({ fix: null, places: [], accuracyThresholdM: 150 }).positionError).toBe("position_unavailable");
  });

  it("is outside with no place at all when nothing applies", () => {
    expect(judge(fixAt(JAKARTA), [])).toEqual({ geofence: "outside", place: null, distanceM: null, positionError: null });
  });

  it("never puts a fix worse than the threshold inside any place (property)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 300, noNaN: true }),
        fc.double({ min: 1, max: 5000, noNaN: true }),
        fc.integer({ min: 10, max: 1000 }),
        (d, acc, th) => {
          const r = judge(fixAt(destination(JAKARTA, d, 30), acc), [office()], th);
          if (acc > th) expect(r.geofence).toBe("poor_fix");
          else expect(r.geofence).toBe(d < 99.5 ? "office" : d > 100.5 ? "outside" : r.geofence);
        },
      ),
    );
  });
});

describe("validation", () => {
  it("refuses impossible fixes", () => {
    expect(fixErrors({ lat: -6.2, lng: 106.8, accuracy: 12 })).toEqual([]);
    const paths = (f: { lat: unknown; lng: unknown; accuracy: unknown }) => fixErrors(f).map((e) => e.path);
    expect(paths({ lat: 91, lng: 106.8, accuracy: 12 })).toEqual(["position.lat"]);
    expect(paths({ lat: -6.2, lng: -181, accuracy: 12 })).toEqual(["position.lng"]);
    expect(paths({ lat: Number.NaN, lng: Number.NaN, accuracy: 12 })).toEqual(["position.lat", "position.lng"]);
    expect(paths({ lat: -6.2, lng: 106.8, accuracy: 0 })).toEqual(["position.accuracy"]);
    expect(paths({ lat: -6.2, lng: 106.8, accuracy: -3 })).toEqual(["position.accuracy"]);
    expect(paths({ lat: -6.2, lng: Number.POSITIVE_INFINITY, accuracy: Number.NaN })).toEqual(["position.lng", "position.accuracy"]);
    expect(paths({ lat: "-6.2", lng: 106.8, accuracy: 5 })).toEqual(["position.lat"]);
  });

  it("refuses impossible place shapes", () => {
    expect(shapeErrors({ type: "circle", ...JAKARTA, radiusM: 100 })).toEqual([]);
    expect(shapeErrors({ type: "circle", ...JAKARTA, radiusM: 9 })[0].path).toBe("shape.radiusM");
    expect(shapeErrors({ type: "circle", ...JAKARTA, radiusM: 5001 })[0].path).toBe("shape.radiusM");
    expect(shapeErrors({ type: "polygon", points: MKS_L })).toEqual([]);
    expect(shapeErrors({ type: "polygon", points: MKS_L.slice(0, 2) })[0].path).toBe("shape.points");
    expect(shapeErrors({ type: "polygon", points: Array.from({ length: 201 }, (_, i) => [-5 + i * 1e-5, 119] as [number, number]) })).toHaveLength(1);
    expect(shapeErrors({ type: "polygon", points: [...MKS_L, [-5.4, 119.43]] })[0].message).toMatch(/within 10 km/);
    expect(
      shapeErrors({
        type: "polygon",
        points: [
          [-5.15, 119.43],
          [95, 119.4],
          [-5.14, 200],
        ],
      }).map((e) => e.path),
    ).toEqual(["shape.points.1.lat", "shape.points.2.lng"]);
  });
});
