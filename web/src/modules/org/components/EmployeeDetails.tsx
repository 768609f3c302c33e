import { Anchor, Card, Group, Table, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { formatDate } from "../format";
import type { Employee } from "../types";
import { ROMAN } from "./PositionModal";
import { ToneBadge } from "./ToneBadge";

function SupervisorLink({ employee }: { employee: Employee }) {
  const { t } = useTranslation("org");
  if (!employee.supervisor) return <>{t("employee.noSupervisor")}</>;
  return (
    <Group gap={6}>
      <Anchor component={Link} to={`/org/employees/${employee.supervisor.id}`} size="sm">
        {employee.supervisor.name || t("employee.openSupervisor")}
      </Anchor>
      <ToneBadge size="xs" color={employee.supervisorExplicit ? "grape" : "gray"}>
        {employee.supervisorExplicit ? t("employee.supervisorExplicit") : t("employee.supervisorDerived")}
      </ToneBadge>
    </Group>
  );
}

/** What the viewer may see of an employee; the full NIP only when the server sent it unmasked. */
export function EmployeeDetails({ employee }: { employee: Employee }) {
  const { t } = useTranslation("org");
  const e = employee;
  const rows: [string, ReactNode][] = [
    [
      "NIP",
      <Group gap={6} key="nip">
        <Text ff="monospace" size="sm" data-testid="employee-nip">
          {e.nip}
        </Text>
        {e.nipMasked && (
          <ToneBadge size="xs" color="gray">
            {t("employee.masked")}
          </ToneBadge>
        )}
      </Group>,
    ],
    [t("employees.email"), e.email ?? "—"],
    [t("employees.phone"), e.phone ?? "—"],
    [
      t("employees.unit"),
      <Anchor component={Link} to={`/org/units?unit=${e.unit.id}`} key="unit" size="sm">
        {e.unit.name}
      </Anchor>,
    ],
    [
      t("employees.position"),
      e.position ? `${e.position.name}${e.position.echelon ? ` (${t("positions.echelonN", { n: ROMAN[e.position.echelon] })})` : ""}` : "—",
    ],
    [t("employees.type"), e.employmentType],
    [t("employee.supervisor"), <SupervisorLink employee={e} key="sup" />],
  ];
  if (e.birthDate) rows.push([t("employee.birthDate"), formatDate(e.birthDate)]);
  if (e.gender) rows.push([t("employee.gender"), t(`employee.genders.${e.gender}`)]);
  if (e.appointedOn) rows.push([t("employee.appointedOn"), formatDate(e.appointedOn)]);
  if (e.hasAccount !== undefined) rows.push([t("employee.account"), e.hasAccount ? t("employee.accountReady") : t("employee.accountNoPassword")]);

  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="sm">
        {t("employee.details")}
      </Title>
      <Table variant="vertical" layout="fixed" aria-label={t("employee.details")}>
        <Table.Tbody>
          {rows.map(([k, v]) => (
            <Table.Tr key={k}>
              <Table.Th w={{ base: 110, sm: 180 }}>{k}</Table.Th>
              <Table.Td style={{ overflowWrap: "anywhere" }}>{v}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}
