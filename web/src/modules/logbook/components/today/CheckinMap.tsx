import { useTranslation } from "react-i18next";
import { useMe } from "../../../auth/hooks";
import { useOffices, useOwnPlaces } from "../../manageApi";
import { type MapPlace, PlaceMap } from "../../map/PlaceMap";
import type { Fix, Place } from "../../types";

interface Props {
  position: Fix | null;
  /** The place the server judged the fix against (inside it, or the nearest). */
  placeId: string | null;
  caption: string;
}

function toMapPlace(p: Place): MapPlace[] {
  return p.shape ? [{ id: p.id, name: p.name, kind: p.kind, shape: p.shape }] : [];
}

/** One's position and the place it was judged against (or the offices of one's unit before anything was judged). */
export function CheckinMap({ position, placeId, caption }: Props) {
  const { t } = useTranslation("logbook");
  const me = useMe().data;
  const offices = useOffices().data ?? [];
  const own = (useOwnPlaces(me?.employeeId ?? null).data ?? []).filter((p) => p.status === "approved");
  const all = [...offices, ...own];
  const matched = placeId ? all.filter((p) => p.id === placeId) : [];
  const shown = matched.length > 0 ? matched : offices.filter((p) => p.unitId === null || p.unitId === me?.unitId);
  return <PlaceMap places={shown.flatMap(toMapPlace)} position={position} caption={`${t("map.caption")} ${caption}`} height={220} />;
}
