import { Table } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { intlLocale } from "../../../ui/format";
import { ScrollRegion } from "../components/ScrollRegion";
import type { Trends } from "../types";

/** Per-unit shares of the period. */
export function UnitTrendTable({ units }: { units: Trends["units"] }) {
  const { t, i18n } = useTranslation("monitoring");
  const fmt = new Intl.NumberFormat(intlLocale(i18n.language), { style: "percent", maximumFractionDigits: 1 });
  const share = (v: number | null) => (v === null ? t("trends.noValue") : fmt.format(v));
  return (
    <ScrollRegion label={t("trends.unitTable")}>
      <Table striped withTableBorder fz="sm" miw={520} aria-label={t("trends.unitTable")}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("table.unit")}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t("trends.checkinCompliance")}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t("trends.reportCompliance")}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t("trends.officeShareSeries")}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {units.map((u) => (
            <Table.Tr key={u.id}>
              <Table.Th scope="row" fw={500}>
                {u.name}
              </Table.Th>
              <Table.Td ta="right">{share(u.checkinCompliance)}</Table.Td>
              <Table.Td ta="right">{share(u.reportCompliance)}</Table.Td>
              <Table.Td ta="right">{share(u.officeShare)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollRegion>
  );
}
