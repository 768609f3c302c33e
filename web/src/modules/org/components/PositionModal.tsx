import { Button, Checkbox, Group, Modal, Select, Stack, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSavePosition } from "../api";
import { fieldErrors } from "../errors";
import { POSITION_KINDS, type Position, type PositionKind } from "../types";
import { ErrorAlert } from "./ErrorAlert";

export const ROMAN = ["", "I", "II", "III", "IV"];

interface Props {
  unitId: string;
  /** The position to edit, or null for a new one. */
  position: Position | null;
  onClose: () => void;
}

export function PositionModal({ unitId, position, onClose }: Props) {
  const { t } = useTranslation("org");
  const save = useSavePosition();
  const [name, setName] = useState(position?.name ?? "");
  const [kind, setKind] = useState<PositionKind>(position?.kind ?? "executor");
  const [echelon, setEchelon] = useState<string>(position?.echelon ? String(position.echelon) : "");
  const [isHead, setIsHead] = useState(position?.isHead ?? false);
  const errors = fieldErrors(t, save.error);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({ id: position?.id ?? null, unitId, input: { name, kind, echelon: echelon ? Number(echelon) : null, isHead } }, { onSuccess: onClose });
  };

  return (
    <Modal opened onClose={onClose} title={position ? t("positions.editTitle") : t("positions.createTitle")}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput label={t("positions.name")} value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.name} required data-autofocus />
          <Select
            label={t("positions.kind")}
            allowDeselect={false}
            data={POSITION_KINDS.map((k) => ({ value: k, label: t(`positions.kinds.${k}`) }))}
            value={kind}
            onChange={(v) => v && setKind(v as PositionKind)}
            error={errors.kind}
          />
          <Select
            label={t("positions.echelon")}
            data={[
              { value: "", label: t("positions.noEchelon") },
              ...[1, 2, 3, 4].map((n) => ({ value: String(n), label: t("positions.echelonN", { n: ROMAN[n] }) })),
            ]}
            value={echelon}
            onChange={(v) => setEchelon(v ?? "")}
            allowDeselect={false}
            error={errors.echelon}
          />
          <Checkbox label={t("positions.isHead")} checked={isHead} onChange={(e) => setIsHead(e.currentTarget.checked)} error={errors.isHead} />
          <ErrorAlert error={save.error} shownFields={["name", "kind", "echelon", "isHead"]} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("actions.cancel")}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t("actions.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
