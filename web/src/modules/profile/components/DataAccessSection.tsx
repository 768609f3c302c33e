import { Group, Pagination, Table, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { useFormat } from "../../../ui/format";
import { Loading } from "../../../ui/Loading";
import { Section } from "../../../ui/Section";
import { ACCESS_PAGE_SIZE, useMyDataAccess } from "../api";
import type { DataAccess } from "../types";

const KNOWN = new Set(["nip_detail", "health", "location", "sensitive_profile"]);

function AccessTable({ items }: { items: DataAccess[] }) {
  const { t } = useTranslation("profile");
  const format = useFormat();
  return (
    <Table.ScrollContainer minWidth={300} type="native">
      <Table striped verticalSpacing="xs" fz="sm">
        <Table.Caption>{t("access.caption")}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("access.when")}</Table.Th>
            <Table.Th scope="col">{t("access.who")}</Table.Th>
            <Table.Th scope="col">{t("access.what")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((a) => (
            <Table.Tr key={a.id}>
              <Table.Td>{format.dateTime(a.at)}</Table.Td>
              <Table.Td>{a.actorName ?? t("access.system")}</Table.Td>
              <Table.Td>{KNOWN.has(a.category) ? t(`access.categories.${a.category}`) : a.category}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Who read my sensitive personal data, and when (the right of access under UU 27/2022). */
export function DataAccessSection() {
  const { t } = useTranslation("profile");
  const [page, setPage] = useState(1);
  const access = useMyDataAccess(page);
  const pages = access.data ? Math.ceil(access.data.total / ACCESS_PAGE_SIZE) : 0;
  return (
    <Section id="data-access" title={t("access.title")} description={t("access.description")}>
      <ErrorAlert error={access.error} />
      {access.isPending ? <Loading /> : null}
      {access.data && access.data.items.length === 0 ? <Text size="sm">{t("access.empty")}</Text> : null}
      {access.data && access.data.items.length > 0 ? <AccessTable items={access.data.items} /> : null}
      {pages > 1 ? (
        <Group justify="center" mt="md">
          <Pagination total={pages} value={page} onChange={setPage} size="sm" getControlProps={(c) => ({ "aria-label": t(`access.page.${c}`) })} />
        </Group>
      ) : null}
    </Section>
  );
}
