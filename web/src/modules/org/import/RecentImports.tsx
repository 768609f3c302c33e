import { Center, Pagination, Table, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../components/ErrorAlert";
import { ScrollTable } from "../components/ScrollTable";
import { ToneBadge } from "../components/ToneBadge";
import { formatDateTime, formatNumber } from "../format";
import type { ImportStatus } from "../types";
import { useImports } from "./api";

const COLORS: Record<ImportStatus, string> = { validating: "blue", importing: "blue", done: "green", rejected: "orange", failed: "red" };

/** The agency's latest imports and dry runs. */
export function RecentImports() {
  const { t } = useTranslation("org");
  const [page, setPage] = useState(1);
  const list = useImports(page);
  const pages = Math.max(1, Math.ceil((list.data?.total ?? 0) / (list.data?.pageSize ?? 10)));
  return (
    <>
      <Title order={2} size="h4" mt="xl" mb="sm">
        {t("import.recent")}
      </Title>
      <ErrorAlert error={list.error} />
      {list.data && !list.data.items.length ? (
        <Text size="sm" c="dimmed">
          {t("import.noneYet")}
        </Text>
      ) : (
        <ScrollTable minWidth={640}>
          <Table striped>
            <Table.Caption>{t("import.recentCaption")}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("import.when")}</Table.Th>
                <Table.Th>{t("import.fileColumn")}</Table.Th>
                <Table.Th>{t("import.kind")}</Table.Th>
                <Table.Th>{t("import.statusLabel")}</Table.Th>
                <Table.Th>{t("import.outcome")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(list.data?.items ?? []).map((j) => (
                <Table.Tr key={j.id}>
                  <Table.Td>{formatDateTime(j.createdAt)}</Table.Td>
                  <Table.Td style={{ overflowWrap: "anywhere" }}>{j.filename}</Table.Td>
                  <Table.Td>{j.dryRun ? t("import.dryRunKind") : t(`import.modes.${j.mode}`)}</Table.Td>
                  <Table.Td>
                    <ToneBadge size="sm" color={COLORS[j.status]}>
                      {t(`import.status.${j.status}`)}
                    </ToneBadge>
                  </Table.Td>
                  <Table.Td>
                    {t(j.dryRun ? "import.outcomeDry" : "import.outcomeReal", {
                      rows: formatNumber(j.totalRows),
                      created: formatNumber(j.createdCount),
                      updated: formatNumber(j.updatedCount),
                      errors: formatNumber(j.errorCount),
                    })}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
      {pages > 1 && (
        <Center mt="sm">
          <Pagination
            total={pages}
            value={page}
            onChange={setPage}
            siblings={0}
            size="sm"
            getControlProps={(control) => ({ "aria-label": t(`pagination.${control}`) })}
            getItemProps={(p) => ({ "aria-label": t("pagination.page", { page: p }) })}
          />
        </Center>
      )}
    </>
  );
}
