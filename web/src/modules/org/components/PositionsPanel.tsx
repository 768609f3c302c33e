import { ActionIcon, Button, Group, Table, Text, Tooltip } from "@mantine/core";
import { IconCrown, IconPencil, IconPlus } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Loading } from "../../../ui/Loading";
import { usePositions, useSavePosition } from "../api";
import type { Position, Unit } from "../types";
import { ErrorAlert } from "./ErrorAlert";
import { PositionModal, ROMAN } from "./PositionModal";
import { ScrollTable } from "./ScrollTable";
import { ToneBadge } from "./ToneBadge";

interface Props {
  unit: Unit;
  canManage: boolean;
}

/** The positions of one unit; HR creates them, edits them and marks the head. */
export function PositionsPanel({ unit, canManage }: Props) {
  const { t } = useTranslation("org");
  const positions = usePositions(unit.id);
  const save = useSavePosition();
  const [editing, setEditing] = useState<Position | "new" | null>(null);

  /** A unit has one head position: the current one steps down first. */
  const markHead = async (p: Position) => {
    const current = positions.data?.find((x) => x.isHead);
    const input = (x: Position, isHead: boolean) => ({ id: x.id, unitId: unit.id, input: { name: x.name, kind: x.kind, echelon: x.echelon, isHead } });
    try {
      if (current) await save.mutateAsync(input(current, false));
      await save.mutateAsync(input(p, true));
    } catch {
      // shown by the error alert above the table
    }
  };

  return (
    <>
      {canManage && (
        <Group justify="flex-end" mb="sm">
          <Button leftSection={<IconPlus size={16} />} size="sm" onClick={() => setEditing("new")}>
            {t("positions.add")}
          </Button>
        </Group>
      )}
      <ErrorAlert error={positions.error ?? save.error} />
      {positions.isLoading ? (
        <Loading />
      ) : positions.data?.length ? (
        <ScrollTable minWidth={420}>
          <Table striped aria-label={t("positions.tableLabel", { unit: unit.name })}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("positions.name")}</Table.Th>
                <Table.Th>{t("positions.kind")}</Table.Th>
                <Table.Th>{t("positions.echelon")}</Table.Th>
                {canManage && <Table.Th>{t("actions.label")}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {positions.data.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>
                    {p.name}{" "}
                    {p.isHead && (
                      <ToneBadge size="sm" color="yellow">
                        {t("positions.head")}
                      </ToneBadge>
                    )}
                  </Table.Td>
                  <Table.Td>{t(`positions.kinds.${p.kind}`)}</Table.Td>
                  <Table.Td>{p.echelon ? ROMAN[p.echelon] : "—"}</Table.Td>
                  {canManage && (
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        <Tooltip label={t("positions.edit")}>
                          <ActionIcon variant="subtle" aria-label={t("positions.editNamed", { name: p.name })} onClick={() => setEditing(p)}>
                            <IconPencil size={16} />
                          </ActionIcon>
                        </Tooltip>
                        {!p.isHead && (
                          <Tooltip label={t("positions.markHead")}>
                            <ActionIcon
                              variant="subtle"
                              color="yellow"
                              aria-label={t("positions.markHeadNamed", { name: p.name })}
                              loading={save.isPending && save.variables?.id === p.id}
                              onClick={() => void markHead(p)}
                            >
                              <IconCrown size={16} />
                            </ActionIcon>
                          </Tooltip>
                        )}
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      ) : (
        <Text c="dimmed" size="sm">
          {t("positions.empty")}
        </Text>
      )}
      {editing && <PositionModal unitId={unit.id} position={editing === "new" ? null : editing} onClose={() => setEditing(null)} />}
    </>
  );
}
