import { Anchor, Badge, Button, Card, Group, Stack, Table, Tabs, Text, Title } from "@mantine/core";
import { IconPlus, IconUsers } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { tzLabel } from "../format";
import type { Unit } from "../types";
import { ActingPanel } from "./ActingPanel";
import { PositionsPanel } from "./PositionsPanel";
import { UnitCreateModal } from "./UnitCreateModal";
import { UnitEditForm } from "./UnitEditForm";

interface Props {
  unit: Unit;
  units: Unit[];
  canManage: boolean;
  onSelect: (id: string) => void;
}

function ReadOnlyUnit({ unit, units }: { unit: Unit; units: Unit[] }) {
  const { t } = useTranslation("org");
  const parent = units.find((u) => u.id === unit.parentId);
  const rows: [string, string][] = [
    [t("units.name"), unit.name],
    [t("units.code"), unit.code],
    [t("units.parent"), parent?.name ?? "—"],
    [t("units.timezone"), tzLabel(unit.timezone)],
    [t("units.activeEmployeesLabel"), String(unit.employeeCount ?? 0)],
  ];
  return (
    <Table variant="vertical" withTableBorder aria-label={t("units.detailsLabel", { name: unit.name })}>
      <Table.Tbody>
        {rows.map(([k, v]) => (
          <Table.Tr key={k}>
            <Table.Th w="40%">{k}</Table.Th>
            <Table.Td>{v}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** One unit: its data, positions and acting officials. */
export function UnitDetails({ unit, units, canManage, onSelect }: Props) {
  const { t } = useTranslation("org");
  const [creating, setCreating] = useState(false);
  return (
    <Card withBorder padding="md">
      <Stack gap="xs" mb="md">
        <Group justify="space-between" align="flex-start" gap="xs">
          <div style={{ minWidth: 0 }}>
            <Title order={2} size="h4">
              {unit.name}
            </Title>
            <Group gap={6} mt={4}>
              <Badge variant="outline">{unit.code}</Badge>
              <Badge variant="light">{tzLabel(unit.timezone)}</Badge>
            </Group>
          </div>
          {canManage && (
            <Button size="sm" variant="light" leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
              {t("units.addChild")}
            </Button>
          )}
        </Group>
        <Anchor component={Link} to={`/org/employees?unit=${unit.id}`} size="sm">
          <Group gap={4} component="span">
            <IconUsers size={14} aria-hidden />
            <Text span size="sm">
              {t("units.viewEmployees", { count: unit.employeeCount ?? 0 })}
            </Text>
          </Group>
        </Anchor>
      </Stack>
      <Tabs defaultValue="data" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="data">{t("units.tabData")}</Tabs.Tab>
          <Tabs.Tab value="positions">{t("units.tabPositions")}</Tabs.Tab>
          <Tabs.Tab value="acting">{t("units.tabActing")}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="data" pt="md">
          {canManage ? (
            <UnitEditForm key={`${unit.id}:${unit.name}:${unit.code}:${unit.parentId}:${unit.timezone}`} unit={unit} units={units} />
          ) : (
            <ReadOnlyUnit unit={unit} units={units} />
          )}
        </Tabs.Panel>
        <Tabs.Panel value="positions" pt="md">
          <PositionsPanel unit={unit} canManage={canManage} />
        </Tabs.Panel>
        <Tabs.Panel value="acting" pt="md">
          <ActingPanel unit={unit} canManage={canManage} />
        </Tabs.Panel>
      </Tabs>
      {creating && (
        <UnitCreateModal
          parent={unit}
          onClose={() => setCreating(false)}
          onCreated={(u) => {
            setCreating(false);
            onSelect(u.id);
          }}
        />
      )}
    </Card>
  );
}
