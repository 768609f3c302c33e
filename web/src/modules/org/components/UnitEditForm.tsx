import { Button, Group, Stack, TextInput } from "@mantine/core";
import { type FormEvent, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { type UnitPatch, useUpdateUnit } from "../api";
import { fieldErrors } from "../errors";
import { notifySaved } from "../notify";
import type { Timezone, Unit } from "../types";
import { subtreeIds } from "../units";
import { ErrorAlert } from "./ErrorAlert";
import { asTimezone, TimezoneSelect } from "./TimezoneSelect";
import { UnitSelect } from "./UnitSelect";

interface Props {
  unit: Unit;
  units: Unit[];
}

/** Rename, move or re-zone a unit; only the changed fields are sent. */
export function UnitEditForm({ unit, units }: Props) {
  const { t } = useTranslation("org");
  const update = useUpdateUnit();
  const [name, setName] = useState(unit.name);
  const [code, setCode] = useState(unit.code);
  const [parentId, setParentId] = useState<string | null>(unit.parentId);
  const [timezone, setTimezone] = useState<Timezone>(asTimezone(unit.timezone));
  const exclude = useMemo(() => subtreeIds(units, unit.id), [units, unit.id]);
  const errors = fieldErrors(t, update.error);

  const changes: UnitPatch = {
    ...(name.trim() !== unit.name ? { name } : {}),
    ...(code.trim() !== unit.code ? { code } : {}),
    ...(parentId && parentId !== unit.parentId ? { parentId } : {}),
    ...(timezone !== unit.timezone ? { timezone } : {}),
  };
  const dirty = Object.keys(changes).length > 0;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    update.mutate({ id: unit.id, changes }, { onSuccess: () => notifySaved(t("units.saved", { name: name.trim() })) });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput label={t("units.name")} value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.name} required />
        <TextInput label={t("units.code")} value={code} onChange={(e) => setCode(e.currentTarget.value)} error={errors.code} required />
        {unit.parentId ? (
          <UnitSelect
            label={t("units.parent")}
            units={units}
            exclude={exclude}
            value={parentId}
            onChange={setParentId}
            error={errors.parentId}
            allowDeselect={false}
          />
        ) : null}
        <TimezoneSelect value={timezone} onChange={setTimezone} error={errors.timezone} />
        <ErrorAlert error={update.error} shownFields={["name", "code", "parentId", "timezone"]} />
        <Group justify="flex-end">
          <Button type="submit" disabled={!dirty} loading={update.isPending}>
            {t("actions.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
