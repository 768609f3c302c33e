import { ActionIcon, Anchor, Badge, Divider, Table, Text, Tooltip } from "@mantine/core";
import { IconX } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { Loading } from "../../../ui/Loading";
import { useActing, useDeleteActing } from "../api";
import { formatDate } from "../format";
import type { Unit } from "../types";
import { ActingForm } from "./ActingForm";
import { ErrorAlert } from "./ErrorAlert";
import { ScrollTable } from "./ScrollTable";

interface Props {
  unit: Unit;
  canManage: boolean;
}

/** Acting officials (Plt/Plh) of one unit, and the form to appoint one. */
export function ActingPanel({ unit, canManage }: Props) {
  const { t } = useTranslation("org");
  const acting = useActing();
  const end = useDeleteActing();
  const rows = (acting.data ?? []).filter((a) => a.unitId === unit.id);

  return (
    <>
      <ErrorAlert error={acting.error ?? end.error} />
      {acting.isLoading ? (
        <Loading />
      ) : rows.length ? (
        <ScrollTable minWidth={420}>
          <Table striped aria-label={t("acting.tableLabel", { unit: unit.name })}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("acting.employee")}</Table.Th>
                <Table.Th>{t("acting.kind")}</Table.Th>
                <Table.Th>{t("acting.period")}</Table.Th>
                {canManage && <Table.Th>{t("actions.label")}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/org/employees/${a.employeeId}`}>
                      {a.employeeName}
                    </Anchor>
                    {a.note && (
                      <Text size="xs" c="dimmed">
                        {a.note}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light">{a.kind === "plt" ? "Plt" : "Plh"}</Badge>
                  </Table.Td>
                  <Table.Td>{t("acting.range", { from: formatDate(a.startsOn), to: formatDate(a.endsOn) })}</Table.Td>
                  {canManage && (
                    <Table.Td>
                      <Tooltip label={t("acting.end")}>
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={t("acting.endNamed", { name: a.employeeName })}
                          loading={end.isPending && end.variables === a.id}
                          onClick={() => end.mutate(a.id)}
                        >
                          <IconX size={16} />
                        </ActionIcon>
                      </Tooltip>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      ) : (
        <Text c="dimmed" size="sm">
          {t("acting.empty")}
        </Text>
      )}
      {canManage && (
        <>
          <Divider my="md" />
          <ActingForm unit={unit} />
        </>
      )}
    </>
  );
}
