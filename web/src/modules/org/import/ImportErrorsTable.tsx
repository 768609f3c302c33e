import { Center, Pagination, Table, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ScrollTable } from "../components/ScrollTable";
import { translateServerMessage } from "../errors";
import type { ImportRowError } from "../types";

const PAGE = 10;

/** The rows the server refused, ten at a time. */
export function ImportErrorsTable({ errors }: { errors: ImportRowError[] }) {
  const { t } = useTranslation("org");
  const [page, setPage] = useState(1);
  const pages = Math.max(1, Math.ceil(errors.length / PAGE));
  const shown = errors.slice((page - 1) * PAGE, page * PAGE);
  if (!errors.length) return null;
  return (
    <>
      <ScrollTable minWidth={320}>
        <Table striped withTableBorder>
          <Table.Caption>{t("import.errorsCaption", { count: errors.length })}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={64}>{t("import.row")}</Table.Th>
              <Table.Th w={128}>{t("import.column")}</Table.Th>
              <Table.Th>{t("import.problem")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((e) => (
              <Table.Tr key={`${e.row}:${e.column}:${e.message}`}>
                <Table.Td>{e.row}</Table.Td>
                <Table.Td>
                  <Text ff="monospace" size="sm" style={{ overflowWrap: "anywhere" }}>
                    {e.column || "—"}
                  </Text>
                </Table.Td>
                <Table.Td>{translateServerMessage(t, e.message)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
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
