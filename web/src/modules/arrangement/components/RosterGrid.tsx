import { Box, Table, Text, Tooltip, UnstyledButton } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { intlLocale } from "../../../ui/format";
import type { Cell, Grid, GridRow } from "../types";
import { shortDay } from "../week";
import { ModeBadge } from "./ModeBadge";

interface Props {
  grid: Grid;
  editable: boolean;
  onCell: (row: GridRow, cell: Cell) => void;
}

/** Employees × days; scrolls sideways inside its own box so the page never does. */
export function RosterGrid({ grid, editable, onCell }: Props) {
  const { t, i18n } = useTranslation("arrangement");
  const locale = intlLocale(i18n.language);
  const dates = grid.roster.dates;
  const top = grid.units.find((u) => u.depth === Math.min(...grid.units.map((x) => x.depth)));
  return (
    <Box style={{ overflowX: "auto", maxWidth: "100%" }} tabIndex={0} role="region" aria-label={t("roster.gridLabel")}>
      <Table withTableBorder withColumnBorders striped miw={640}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("roster.employee")}</Table.Th>
            {dates.map((d) => {
              const day = top?.days.find((x) => x.date === d);
              return (
                <Table.Th key={d} scope="col">
                  <Text size="sm" fw={600}>
                    {shortDay(d, locale)}
                  </Text>
                  {day ? (
                    <Text size="xs" aria-label={t("roster.capLabel", { office: day.office, cap: day.cap, pct: day.capPct })}>
                      {t("roster.capUse", { office: day.office, cap: day.cap, pct: day.capPct })}
                    </Text>
                  ) : null}
                </Table.Th>
              );
            })}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {grid.rows.map((row) => (
            <Table.Tr key={row.employeeId}>
              <Table.Th scope="row">
                <Text size="sm">{row.name}</Text>
              </Table.Th>
              {dates.map((d) => {
                const cell = row.cells.find((c) => c.date === d);
                return <Table.Td key={d}>{cell ? <GridCell row={row} cell={cell} editable={editable} onCell={onCell} locale={locale} /> : null}</Table.Td>;
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Box>
  );
}

function GridCell({ row, cell, editable, onCell, locale }: { row: GridRow; cell: Cell; editable: boolean; onCell: Props["onCell"]; locale: string }) {
  const { t } = useTranslation("arrangement");
  const label = t("roster.cellLabel", { name: row.name, day: shortDay(cell.date, locale), mode: t(`modeLong.${cell.mode}`), reason: cell.reason });
  const body = (
    <>
      <ModeBadge mode={cell.mode} />
      {cell.source !== "generated" ? (
        <Text size="xs" c="dimmed">
          {t("roster.overridden")}
        </Text>
      ) : null}
    </>
  );
  return (
    <Tooltip label={cell.reason} multiline w={260} events={{ hover: true, focus: true, touch: true }}>
      {editable ? (
        <UnstyledButton onClick={() => onCell(row, cell)} aria-label={label}>
          {body}
        </UnstyledButton>
      ) : (
        <Box aria-label={label} role="img">
          {body}
        </Box>
      )}
    </Tooltip>
  );
}
