import { Button, Group, Paper, Stack, Text } from "@mantine/core";
import { IconPencil, IconTrash } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import type { Unit } from "../../../org/types";
import type { Place } from "../../types";
import { shapeText } from "./shapeText";

interface Props {
  offices: Place[];
  units: Unit[];
  onEdit: (p: Place) => void;
  onDelete: (p: Place) => void;
  deleting: string | null;
}

/** The offices of the agency with their unit and shape. */
export function OfficeList({ offices, units, onEdit, onDelete, deleting }: Props) {
  const { t } = useTranslation("logbook");
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  if (offices.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t("places.noOffices")}
      </Text>
    );
  }
  return (
    <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: "none" }}>
      {offices.map((o) => (
        <Paper component="li" key={o.id} withBorder radius="md" p="sm">
          <Text fw={700} size="sm" style={{ overflowWrap: "anywhere" }}>
            {o.name}
          </Text>
          <Text size="xs" c="dimmed" style={{ overflowWrap: "anywhere" }}>
            {o.unitId ? (unitName.get(o.unitId) ?? "—") : t("places.agencyWide")} · {shapeText(o.shape, t)}
          </Text>
          <Group gap="xs" mt="xs">
            <Button
              size="compact-sm"
              variant="default"
              leftSection={<IconPencil size={14} aria-hidden />}
              onClick={() => onEdit(o)}
              aria-label={t("places.editNamed", { name: o.name })}
            >
              {t("places.edit")}
            </Button>
            <Button
              size="compact-sm"
              variant="subtle"
              color="red"
              c="red.9"
              leftSection={<IconTrash size={14} aria-hidden />}
              onClick={() => onDelete(o)}
              loading={deleting === o.id}
              aria-label={t("places.deleteNamed", { name: o.name })}
            >
              {t("places.delete")}
            </Button>
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}
