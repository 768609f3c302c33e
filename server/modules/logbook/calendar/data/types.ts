/**
 * A shipped calendar dataset: the days off and Ramadan period of one year,
 * with the legal instrument each comes from. A dataset is identified by its
 * family (e.g. "skb-2026") and version; the rows it writes carry the tag
 * `${family}-v${version}`. Correcting a year means shipping a higher version
 * of the same family: rows still carrying an older tag of the family are
 * updated, rows an operator edited (tag "operator") are left alone.
 */
export interface CalendarDataset {
  family: string;
  version: number;
  days: ShippedDay[];
  periods: ShippedPeriod[];
}

export interface ShippedDay {
  date: string;
  kind: "holiday" | "cuti_bersama";
  nameId: string;
  nameEn: string;
  legalBasis: string;
}

export interface ShippedPeriod {
  kind: "ramadan";
  startsOn: string;
  endsOn: string;
  nameId: string;
  nameEn: string;
  legalBasis: string;
}

export function datasetTag(d: Pick<CalendarDataset, "family" | "version">): string {
  return `${d.family}-v${d.version}`;
}
