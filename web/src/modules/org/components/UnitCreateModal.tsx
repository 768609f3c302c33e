import { Button, Group, Modal, Stack, Text, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useCreateUnit } from "../api";
import { fieldErrors } from "../errors";
import type { Timezone, Unit } from "../types";
import { ErrorAlert } from "./ErrorAlert";
import { asTimezone, TimezoneSelect } from "./TimezoneSelect";

interface Props {
  parent: Unit;
  onClose: () => void;
  onCreated: (unit: Unit) => void;
}

/** Creates a unit below `parent`. */
export function UnitCreateModal({ parent, onClose, onCreated }: Props) {
  const { t } = useTranslation("org");
  const create = useCreateUnit();
  const [name, setName] = useState("");
  const [code, setCode] = useState("");
  const [timezone, setTimezone] = useState<Timezone>(asTimezone(parent.timezone));
  const errors = fieldErrors(t, create.error);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate({ parentId: parent.id, name, code, timezone }, { onSuccess: onCreated });
  };

  return (
    <Modal opened onClose={onClose} title={t("units.createTitle")}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">{t("units.createUnder", { parent: parent.name })}</Text>
          <TextInput label={t("units.name")} value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.name} required data-autofocus />
          <TextInput label={t("units.code")} value={code} onChange={(e) => setCode(e.currentTarget.value)} error={errors.code} required />
          <TimezoneSelect value={timezone} onChange={setTimezone} error={errors.timezone} />
          <ErrorAlert error={create.error} shownFields={["name", "code", "timezone"]} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("actions.cancel")}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t("units.create")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
