import { Button, Card, Group, Select, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { usePositions, useSaveEmployee, useUnits } from "../api";
import { fieldErrors } from "../errors";
import type { Employee, EmployeeInput, EmployeeStatus, EmploymentType } from "../types";
import { EmployeePicker } from "./EmployeePicker";
import { ErrorAlert } from "./ErrorAlert";
import { UnitSelect } from "./UnitSelect";

const FIELDS = ["nip", "name", "email", "phone", "unitId", "positionId", "employmentType", "status", "supervisorId"];

interface Props {
  /** The employee to edit; null for a new one. */
  employee: Employee | null;
  initialUnitId?: string | null;
  onSaved: (e: Employee) => void;
  onCancel: () => void;
}

function initial(e: Employee | null, unitId: string | null): EmployeeInput {
  return {
    nip: e && !e.nipMasked ? e.nip : "",
    name: e?.name ?? "",
    email: e?.email ?? "",
    phone: e?.phone ?? "",
    unitId: e?.unit.id ?? unitId ?? "",
    positionId: e?.position?.id ?? null,
    employmentType: e?.employmentType ?? "PNS",
    status: e?.status ?? "active",
    supervisorId: e?.supervisorExplicit ? e.supervisorId : null,
  };
}

function normalize(x: EmployeeInput): EmployeeInput {
  return { ...x, nip: x.nip.trim(), name: x.name.trim(), email: x.email?.trim() || null, phone: x.phone?.trim() || null };
}

/** Creates or edits an employee; the server checks the NIP and shows what is wrong next to each field. */
export function EmployeeForm({ employee, initialUnitId = null, onSaved, onCancel }: Props) {
  const { t } = useTranslation("org");
  const save = useSaveEmployee();
  const units = useUnits();
  const [start] = useState(() => initial(employee, initialUnitId));
  const [v, setV] = useState<EmployeeInput>(start);
  const positions = usePositions(v.unitId || null);
  const errors = fieldErrors(t, save.error);
  const set = (patch: Partial<EmployeeInput>) => setV((cur) => ({ ...cur, ...patch }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const next = normalize(v);
    let input: Partial<EmployeeInput> = next;
    if (employee) {
      // Only what changed is sent; a masked NIP never is.
      const base = normalize(start);
      input = Object.fromEntries(Object.entries(next).filter(([k, val]) => base[k as keyof EmployeeInput] !== val));
      if (employee.nipMasked) delete input.nip;
    }
    save.mutate({ id: employee?.id ?? null, input }, { onSuccess: onSaved });
  };

  return (
    <Card withBorder>
      <form onSubmit={submit} noValidate>
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput
              label="NIP"
              description={t("form.nipHint")}
              inputMode="numeric"
              autoComplete="off"
              value={v.nip}
              onChange={(e) => set({ nip: e.currentTarget.value })}
              error={errors.nip}
              required={!employee}
              disabled={Boolean(employee?.nipMasked)}
              rightSection={
                <Text size="xs" c="dimmed" aria-hidden>
                  {v.nip.replace(/\D/g, "").length}/18
                </Text>
              }
              rightSectionWidth={48}
              placeholder={employee?.nipMasked ? employee.nip : undefined}
            />
            <TextInput label={t("employees.name")} value={v.name} onChange={(e) => set({ name: e.currentTarget.value })} error={errors.name} required />
            <TextInput
              label={t("employees.email")}
              type="email"
              value={v.email ?? ""}
              onChange={(e) => set({ email: e.currentTarget.value })}
              error={errors.email}
            />
            <TextInput
              label={t("employees.phone")}
              type="tel"
              value={v.phone ?? ""}
              onChange={(e) => set({ phone: e.currentTarget.value })}
              error={errors.phone}
            />
            <UnitSelect
              label={t("employees.unit")}
              units={units.data ?? []}
              value={v.unitId || null}
              onChange={(unitId) => set({ unitId: unitId ?? "", positionId: null })}
              error={errors.unitId}
              required
              allowDeselect={false}
            />
            <Select
              label={t("employees.position")}
              placeholder={v.unitId ? t("form.noPosition") : t("form.chooseUnitFirst")}
              disabled={!v.unitId}
              clearable
              data={(positions.data ?? []).map((p) => ({ value: p.id, label: p.isHead ? `${p.name} — ${t("positions.head")}` : p.name }))}
              value={v.positionId}
              onChange={(positionId) => set({ positionId })}
              error={errors.positionId}
            />
            <Select
              label={t("employees.type")}
              allowDeselect={false}
              data={["PNS", "PPPK"]}
              value={v.employmentType}
              onChange={(x) => x && set({ employmentType: x as EmploymentType })}
              error={errors.employmentType}
            />
            <Select
              label={t("employees.status")}
              allowDeselect={false}
              data={[
                { value: "active", label: t("status.active") },
                { value: "inactive", label: t("status.inactive") },
              ]}
              value={v.status}
              onChange={(x) => x && set({ status: x as EmployeeStatus })}
              error={errors.status}
            />
          </SimpleGrid>
          <EmployeePicker
            label={t("form.supervisor")}
            description={t("form.supervisorHint")}
            value={v.supervisorId}
            onChange={(supervisorId) => set({ supervisorId })}
            error={errors.supervisorId}
          />
          <ErrorAlert error={save.error} shownFields={FIELDS} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onCancel}>
              {t("actions.cancel")}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {employee ? t("actions.save") : t("form.create")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
