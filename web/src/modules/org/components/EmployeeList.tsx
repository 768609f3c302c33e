import { Anchor, Card, Group, Stack, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import type { Employee } from "../types";
import { ScrollTable } from "./ScrollTable";
import { ToneBadge } from "./ToneBadge";

function StatusBadge({ status }: { status: Employee["status"] }) {
  const { t } = useTranslation("org");
  return (
    <ToneBadge size="sm" color={status === "active" ? "green" : "gray"}>
      {t(`status.${status}`)}
    </ToneBadge>
  );
}

/** Employees as a table on wide screens and as cards on phones. */
export function EmployeeList({ items }: { items: Employee[] }) {
  const { t } = useTranslation("org");
  const navigate = useNavigate();
  return (
    <>
      <ScrollTable minWidth={720} visibleFrom="sm">
        <Table highlightOnHover striped>
          <Table.Caption>{t("employees.caption")}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("employees.name")}</Table.Th>
              <Table.Th>NIP</Table.Th>
              <Table.Th>{t("employees.unit")}</Table.Th>
              <Table.Th>{t("employees.position")}</Table.Th>
              <Table.Th>{t("employees.typeShort")}</Table.Th>
              <Table.Th miw={96}>{t("employees.status")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((e) => (
              <Table.Tr key={e.id} onClick={() => void navigate(`/org/employees/${e.id}`)} style={{ cursor: "pointer" }}>
                <Table.Td>
                  <Anchor component={Link} to={`/org/employees/${e.id}`} onClick={(ev) => ev.stopPropagation()}>
                    {e.name}
                  </Anchor>
                  {e.email && (
                    <Text size="xs" c="dimmed">
                      {e.email}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td ff="monospace" style={{ whiteSpace: "nowrap" }}>
                  {e.nip}
                </Table.Td>
                <Table.Td>{e.unit.name}</Table.Td>
                <Table.Td>{e.position?.name ?? "—"}</Table.Td>
                <Table.Td>{e.employmentType}</Table.Td>
                <Table.Td style={{ whiteSpace: "nowrap" }}>
                  <StatusBadge status={e.status} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
      <Stack gap="xs" hiddenFrom="sm" component="ul" aria-label={t("employees.caption")} style={{ listStyle: "none", padding: 0, margin: 0 }}>
        {items.map((e) => (
          <Card key={e.id} withBorder padding="sm" component="li">
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <Anchor component={Link} to={`/org/employees/${e.id}`} fw={600} style={{ minWidth: 0, overflowWrap: "anywhere" }}>
                {e.name}
              </Anchor>
              <StatusBadge status={e.status} />
            </Group>
            <Text size="sm" ff="monospace" c="dimmed">
              {e.nip}
            </Text>
            <Text size="sm">{[e.position?.name, e.unit.name].filter(Boolean).join(" · ")}</Text>
            <Text size="xs" c="dimmed">
              {e.employmentType}
            </Text>
          </Card>
        ))}
      </Stack>
    </>
  );
}
