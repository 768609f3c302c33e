import { Button, Group, Select, SimpleGrid, Stack, TextInput, Title } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useCreateActing } from "../api";
import { fieldErrors } from "../errors";
import { notifySaved } from "../notify";
import type { ActingKind, Unit } from "../types";
import { EmployeePicker } from "./EmployeePicker";
import { ErrorAlert } from "./ErrorAlert";

/** Appoints an acting official (Plt/Plh) for a unit over a date range. */
export function ActingForm({ unit }: { unit: Unit }) {
  const { t } = useTranslation("org");
  const create = useCreateActing();
  const [employeeId, setEmployeeId] = useState<string | null>(null);
  const [kind, setKind] = useState<ActingKind>("plh");
  const [startsOn, setStartsOn] = useState("");
  const [endsOn, setEndsOn] = useState("");
  const [note, setNote] = useState("");
  const errors = fieldErrors(t, create.error);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      { unitId: unit.id, employeeId: employeeId ?? "", kind, startsOn, endsOn, note: note.trim() || null },
      {
        onSuccess: () => {
          notifySaved(t("acting.appointed"));
          setEmployeeId(null);
          setNote("");
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Title order={3} size="h5">
          {t("acting.appointTitle")}
        </Title>
        <EmployeePicker label={t("acting.employee")} value={employeeId} onChange={setEmployeeId} activeOnly error={errors.employeeId} required />
        <Select
          label={t("acting.kind")}
          description={t("acting.kindHint")}
          allowDeselect={false}
          data={[
            { value: "plt", label: t("acting.kinds.plt") },
            { value: "plh", label: t("acting.kinds.plh") },
          ]}
          value={kind}
          onChange={(v) => v && setKind(v as ActingKind)}
          error={errors.kind}
        />
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <TextInput
            type="date"
            label={t("acting.startsOn")}
            value={startsOn}
            onChange={(e) => setStartsOn(e.currentTarget.value)}
            error={errors.startsOn}
            required
          />
          <TextInput
            type="date"
            label={t("acting.endsOn")}
            value={endsOn}
            min={startsOn || undefined}
            onChange={(e) => setEndsOn(e.currentTarget.value)}
            error={errors.endsOn}
            required
          />
        </SimpleGrid>
        <TextInput label={t("acting.note")} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={errors.note} />
        <ErrorAlert error={create.error} shownFields={["employeeId", "kind", "startsOn", "endsOn", "note"]} />
        <Group justify="flex-end">
          <Button type="submit" loading={create.isPending}>
            {t("acting.appoint")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
