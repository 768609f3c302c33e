import type { TFunction } from "i18next";
import { formatLatLng } from "../../geo";
import type { Shape } from "../../types";

export function shapeText(shape: Shape | null, t: TFunction): string {
  if (!shape) return t("logbook:places.hidden");
  if (shape.type === "circle") return t("logbook:places.circleText", { radius: shape.radiusM, centre: formatLatLng(shape) });
  return t("logbook:places.polygonText", { count: shape.points.length });
}
