import { Anchor, Badge, Card, Group, Stack, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ScrollTable } from "../../org/components/ScrollTable";
import { formatDateTime } from "../../org/format";
import type { AccessEntry } from "../api";

function SubjectLink({ a }: { a: AccessEntry }) {
  const { t } = useTranslation("audit");
  if (!a.subjectEmployeeId) return <>—</>;
  return (
    <Anchor component={Link} to={`/org/employees/${a.subjectEmployeeId}`} size="sm">
      {a.subjectName ?? t("subjects.employee")}
    </Anchor>
  );
}

function Category({ a }: { a: AccessEntry }) {
  const { t } = useTranslation("audit");
  return (
    <Badge variant="light" size="sm">
      {t(`categories.${a.category}`, { defaultValue: a.category })}
    </Badge>
  );
}

/** Reads of personal data as a table on wide screens and as cards on phones. */
export function AccessList({ items }: { items: AccessEntry[] }) {
  const { t } = useTranslation("audit");
  const detail = (a: AccessEntry) => (a.detail ? t(`details.${a.detail.replace(/\W+/g, "_")}`, { defaultValue: a.detail }) : "—");
  return (
    <>
      <ScrollTable minWidth={720} visibleFrom="sm">
        <Table striped>
          <Table.Caption>{t("access.caption")}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={170}>{t("columns.time")}</Table.Th>
              <Table.Th>{t("columns.category")}</Table.Th>
              <Table.Th>{t("columns.reader")}</Table.Th>
              <Table.Th>{t("columns.subjectPerson")}</Table.Th>
              <Table.Th>{t("columns.detail")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((a) => (
              <Table.Tr key={a.id}>
                <Table.Td>{formatDateTime(a.at)}</Table.Td>
                <Table.Td>
                  <Category a={a} />
                </Table.Td>
                <Table.Td>{a.actorName ?? t("system")}</Table.Td>
                <Table.Td>
                  <SubjectLink a={a} />
                </Table.Td>
                <Table.Td>{detail(a)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
      <Stack gap="xs" hiddenFrom="sm" component="ul" aria-label={t("access.caption")} style={{ listStyle: "none", padding: 0, margin: 0 }}>
        {items.map((a) => (
          <Card key={a.id} withBorder padding="sm" component="li">
            <Group justify="space-between" gap="xs">
              <Category a={a} />
              <Text size="xs" c="dimmed">
                {formatDateTime(a.at)}
              </Text>
            </Group>
            <Text size="sm" mt={4}>
              {t("columns.subjectPerson")}: <SubjectLink a={a} />
            </Text>
            <Text size="sm">
              {t("columns.reader")}: {a.actorName ?? t("system")}
            </Text>
            <Text size="xs" c="dimmed">
              {detail(a)}
            </Text>
          </Card>
        ))}
      </Stack>
    </>
  );
}
