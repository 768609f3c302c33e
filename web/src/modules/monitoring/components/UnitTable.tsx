import { Anchor, Table, Text } from "@mantine/core";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { type Bucket, bucketLabel } from "../buckets";
import type { BoardUnit, Counts } from "../types";
import { CountButton } from "./CountButton";
import { isOverCap, OfficeGauge } from "./OfficeGauge";
import { ScrollRegion } from "./ScrollRegion";

interface Column {
  key: string;
  /** Column heading (short). */
  head: (t: TFunction) => string;
  value: (c: Counts) => number;
  bucket?: Bucket;
}

const COLUMNS: Column[] = [
  { key: "employees", head: (t) => t("table.employees"), value: (c) => c.employees, bucket: "employees" },
  { key: "checkedIn", head: (t) => t("table.checkedIn"), value: (c) => c.checkedIn, bucket: "checked_in" },
  { key: "notCheckedIn", head: (t) => t("table.notCheckedIn"), value: (c) => c.notCheckedIn, bucket: "not_checked_in" },
  { key: "late", head: (t) => t("table.late"), value: (c) => c.late, bucket: "late" },
  { key: "checkedOut", head: (t) => t("table.checkedOut"), value: (c) => c.checkedOut, bucket: "checked_out" },
  ...(["WFO", "WFH", "DL", "CUTI", "SAKIT"] as const).map((m) => ({
    key: m,
    head: (t: TFunction) => t(`mode.${m}`),
    value: (c: Counts) => c.modes[m],
    bucket: `mode:${m}` as Bucket,
  })),
  { key: "rosterDiffers", head: (t) => t("table.rosterDiffers"), value: (c) => c.roster.differs, bucket: "roster:differs" },
  { key: "healthNotFilled", head: (t) => t("table.healthNotFilled"), value: (c) => c.health.notFilled, bucket: "health:not_filled" },
  { key: "healthNotCleared", head: (t) => t("table.healthNotCleared"), value: (c) => c.health.notCleared, bucket: "health:not_cleared" },
  ...(["none", "draft", "submitted", "returned", "approved"] as const).map((s) => ({
    key: `report-${s}`,
    head: (t: TFunction) => t("table.report", { status: t(`reports.${s}`) }),
    value: (c: Counts) => c.reports[s],
    bucket: `report:${s}` as Bucket,
  })),
  { key: "office", head: (t) => t("table.office"), value: (c) => c.office.present, bucket: "office" },
];

interface Props {
  rootId: string;
  units: BoardUnit[];
  healthNames: boolean;
  onDrill: (unitId: string) => void;
  onOpen: (bucket: Bucket, unitId: string, unitName: string) => void;
}

/** Per-unit numbers: the unit's own staff and each child subtree; a unit's name drills into it, a number opens its list. */
export function UnitTable({ rootId, units, healthNames, onDrill, onOpen }: Props) {
  const { t } = useTranslation("monitoring");
  return (
    <ScrollRegion label={t("table.caption")}>
      <Table striped withTableBorder highlightOnHover fz="sm" miw={1100} aria-label={t("table.caption")}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" style={{ position: "sticky", left: 0, background: "var(--mantine-color-body)", zIndex: 1 }}>
              {t("table.unit")}
            </Table.Th>
            {COLUMNS.map((col) => (
              <Table.Th key={col.key} scope="col" ta="right">
                {col.head(t)}
              </Table.Th>
            ))}
            <Table.Th scope="col" miw={120}>
              {t("table.occupancy")}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {units.map((u) => {
            const own = u.id === rootId;
            const name = own ? t("table.ownStaff", { name: u.name }) : u.name;
            return (
              <Table.Tr key={u.id}>
                <Table.Th scope="row" style={{ position: "sticky", left: 0, background: "var(--mantine-color-body)", zIndex: 1, fontWeight: 500 }}>
                  {own ? (
                    <Text size="sm" fw={500}>
                      {name}
                    </Text>
                  ) : (
                    <Anchor component="button" type="button" size="sm" onClick={() => onDrill(u.id)} aria-label={t("table.drill", { name: u.name })}>
                      {name}
                    </Anchor>
                  )}
                </Table.Th>
                {COLUMNS.map((col) => {
                  const bucket = col.bucket;
                  const openable = bucket !== undefined && (!own || units.length === 1) && (bucket !== "health:not_cleared" || healthNames);
                  return (
                    <Table.Td key={col.key} ta="right" c={col.key === "office" && isOverCap(u) ? "red.9" : undefined}>
                      <CountButton
                        variant="cell"
                        label={`${u.name}: ${bucket ? bucketLabel(t, bucket) : col.head(t)}`}
                        count={col.value(u)}
                        onOpen={openable && bucket ? () => onOpen(bucket, u.id, u.name) : undefined}
                      />
                    </Table.Td>
                  );
                })}
                <Table.Td>
                  <OfficeGauge counts={u} compact />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </ScrollRegion>
  );
}
