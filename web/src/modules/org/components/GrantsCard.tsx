import { ActionIcon, Button, Card, Group, Select, SimpleGrid, Stack, Table, Text, Title, Tooltip, VisuallyHidden } from "@mantine/core";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useCreateGrant, useDeleteGrant, useGrants, useUnits } from "../api";
import { fieldErrors } from "../errors";
import { type Employee, ROLES, type Role } from "../types";
import { ErrorAlert } from "./ErrorAlert";
import { ScrollTable } from "./ScrollTable";
import { UnitSelect } from "./UnitSelect";

/** The roles an employee holds, each over the agency or a unit subtree. */
export function GrantsCard({ employee }: { employee: Employee }) {
  const { t } = useTranslation("org");
  const grants = useGrants(employee.id, true);
  const units = useUnits();
  const create = useCreateGrant();
  const remove = useDeleteGrant();
  const [role, setRole] = useState<Role | null>(null);
  const [scope, setScope] = useState<"agency" | "unit">("unit");
  const [unitId, setUnitId] = useState<string | null>(employee.unit.id);
  const errors = fieldErrors(t, create.error);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!role) return;
    create.mutate({ employeeId: employee.id, role, unitId: scope === "agency" ? null : unitId }, { onSuccess: () => setRole(null) });
  };

  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="sm">
        {t("grants.title")}
      </Title>
      <ErrorAlert error={grants.error ?? remove.error} />
      {grants.data?.length ? (
        <ScrollTable minWidth={300}>
          <Table aria-label={t("grants.title")}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("grants.role")}</Table.Th>
                <Table.Th>{t("grants.scope")}</Table.Th>
                <Table.Th w={60}>
                  <VisuallyHidden>{t("actions.label")}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {grants.data.map((g) => (
                <Table.Tr key={g.id}>
                  <Table.Td>{t(`common:roles.${g.role}`)}</Table.Td>
                  <Table.Td>{g.unitId ? t("grants.unitScope", { unit: g.unitName ?? "" }) : t("grants.agencyScope")}</Table.Td>
                  <Table.Td>
                    <Tooltip label={t("grants.remove")}>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={t("grants.removeNamed", { role: t(`common:roles.${g.role}`) })}
                        loading={remove.isPending && remove.variables?.id === g.id}
                        onClick={() => remove.mutate({ id: g.id, employeeId: employee.id })}
                      >
                        <IconTrash size={16} />
                      </ActionIcon>
                    </Tooltip>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      ) : (
        <Text size="sm" c="dimmed">
          {grants.isLoading ? t("loading") : t("grants.none")}
        </Text>
      )}
      <form onSubmit={submit} noValidate>
        <Stack gap="sm" mt="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Select
              label={t("grants.role")}
              placeholder={t("grants.chooseRole")}
              data={ROLES.map((r) => ({ value: r, label: t(`common:roles.${r}`) }))}
              value={role}
              onChange={(v) => setRole(v as Role | null)}
              error={errors.role}
            />
            <Select
              label={t("grants.scope")}
              allowDeselect={false}
              data={[
                { value: "unit", label: t("grants.scopeUnit") },
                { value: "agency", label: t("grants.agencyScope") },
              ]}
              value={scope}
              onChange={(v) => v && setScope(v as "agency" | "unit")}
            />
          </SimpleGrid>
          {scope === "unit" && (
            <UnitSelect label={t("grants.unit")} units={units.data ?? []} value={unitId} onChange={setUnitId} allowDeselect={false} error={errors.unitId} />
          )}
          <ErrorAlert error={create.error} shownFields={["role", "unitId"]} />
          <Group justify="flex-end">
            <Button type="submit" leftSection={<IconPlus size={16} />} disabled={!role || (scope === "unit" && !unitId)} loading={create.isPending}>
              {t("grants.add")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
