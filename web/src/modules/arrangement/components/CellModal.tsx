import { Button, Group, Modal, Select, Stack, Text, Textarea } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { intlLocale } from "../../../ui/format";
import { useOverrideCell } from "../api";
import { type Cell, type GridRow, MODES, type Mode } from "../types";
import { shortDay } from "../week";

interface Props {
  rosterId: string;
  target: { row: GridRow; cell: Cell };
  onClose: () => void;
}

/** Overrides one draft cell with a mode and a note. */
export function CellModal({ rosterId, target, onClose }: Props) {
  const { t, i18n } = useTranslation("arrangement");
  const [mode, setMode] = useState<Mode>(target.cell.mode);
  const [note, setNote] = useState("");
  const save = useOverrideCell(rosterId);
  const day = shortDay(target.cell.date, intlLocale(i18n.language));
  const submit = () => save.mutate({ employeeId: target.row.employeeId, date: target.cell.date, mode, note: note.trim() || null }, { onSuccess: onClose });
  return (
    <Modal opened onClose={onClose} title={t("cell.title", { name: target.row.name, day })}>
      <Stack>
        <Text size="sm">
          {t("cell.reason")}: {target.cell.reason}
        </Text>
        <Select
          label={t("cell.mode")}
          data={MODES.map((m) => ({ value: m, label: t(`modeLong.${m}`) }))}
          value={mode}
          onChange={(v) => v && setMode(v as Mode)}
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
        />
        <Textarea label={t("cell.note")} value={note} onChange={(e) => setNote(e.currentTarget.value)} maxLength={500} autosize minRows={2} />
        <ErrorAlert error={save.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("cancel")}
          </Button>
          <Button onClick={submit} loading={save.isPending}>
            {t("cell.save")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
