import { Anchor, Card, Code, Group, Stack, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ScrollTable } from "../../org/components/ScrollTable";
import { formatDateTime } from "../../org/format";
import type { Unit } from "../../org/types";
import type { AuditEvent } from "../api";
import { Changes } from "./Changes";

interface Props {
  items: AuditEvent[];
  units: Map<string, Unit>;
  onOnlySubject: (id: string) => void;
}

function Subject({ e, units, onOnly }: { e: AuditEvent; units: Map<string, Unit>; onOnly: (id: string) => void }) {
  const { t } = useTranslation("audit");
  const type = t(`subjects.${e.subjectType}`, { defaultValue: e.subjectType });
  if (!e.subjectId) return <>{type}</>;
  const named = typeof e.changes?.name === "string" ? e.changes.name : e.subjectType === "unit" ? units.get(e.subjectId)?.name : undefined;
  const to = e.subjectType === "employee" ? `/org/employees/${e.subjectId}` : e.subjectType === "unit" ? `/org/units?unit=${e.subjectId}` : null;
  const label = named ? `${type}: ${named}` : type;
  return (
    <Stack gap={0} align="flex-start">
      {to ? (
        <Anchor component={Link} to={to} size="sm">
          {label}
        </Anchor>
      ) : (
        <Text size="sm">{label}</Text>
      )}
      <Anchor component="button" type="button" size="xs" onClick={() => e.subjectId && onOnly(e.subjectId)}>
        {t("events.onlyThis")}
      </Anchor>
    </Stack>
  );
}

function ActionLabel({ action }: { action: string }) {
  const { t } = useTranslation("audit");
  return (
    <>
      <Text size="sm">{t(`actions.${action.replace(".", "_")}`, { defaultValue: action })}</Text>
      <Code>{action}</Code>
    </>
  );
}

/** Audit events as a table on wide screens and as cards on phones. */
export function EventList({ items, units, onOnlySubject }: Props) {
  const { t } = useTranslation("audit");
  return (
    <>
      <ScrollTable minWidth={760} visibleFrom="sm">
        <Table striped verticalSpacing="xs">
          <Table.Caption>{t("events.caption")}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={170}>{t("columns.time")}</Table.Th>
              <Table.Th w={190}>{t("columns.action")}</Table.Th>
              <Table.Th w={150}>{t("columns.actor")}</Table.Th>
              <Table.Th w={170}>{t("columns.subject")}</Table.Th>
              <Table.Th>{t("columns.changes")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td>{formatDateTime(e.at)}</Table.Td>
                <Table.Td>
                  <ActionLabel action={e.action} />
                </Table.Td>
                <Table.Td>{e.actorName ?? t("system")}</Table.Td>
                <Table.Td>
                  <Subject e={e} units={units} onOnly={onOnlySubject} />
                </Table.Td>
                <Table.Td>
                  <Changes action={e.action} changes={e.changes} units={units} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
      <Stack gap="xs" hiddenFrom="sm" component="ul" aria-label={t("events.caption")} style={{ listStyle: "none", padding: 0, margin: 0 }}>
        {items.map((e) => (
          <Card key={e.id} withBorder padding="sm" component="li">
            <Group justify="space-between" align="flex-start" gap="xs">
              <div>
                <ActionLabel action={e.action} />
              </div>
              <Text size="xs" c="dimmed">
                {formatDateTime(e.at)}
              </Text>
            </Group>
            <Text size="sm" mt={4}>
              {t("columns.actor")}: {e.actorName ?? t("system")}
            </Text>
            <Subject e={e} units={units} onOnly={onOnlySubject} />
            <Stack mt={6} gap={0}>
              <Changes action={e.action} changes={e.changes} units={units} />
            </Stack>
          </Card>
        ))}
      </Stack>
    </>
  );
}
