import { Button, Group, NumberInput, Radio, Stack, Textarea, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { UnitSelect } from "../../../org/components/UnitSelect";
import type { Unit } from "../../../org/types";
import type { OfficeDraft, OfficeProblems } from "./officeDraft";

interface Props {
  value: OfficeDraft;
  onChange: (d: OfficeDraft) => void;
  problems: OfficeProblems;
  units: Unit[];
  editing: boolean;
  busy: boolean;
  onSubmit: () => void;
  onCancel: () => void;
}

/** Name, unit and shape of an office; the point can also be picked on the map above. */
export function OfficeForm({ value, onChange, problems, units, editing, busy, onSubmit, onCancel }: Props) {
  const { t } = useTranslation("logbook");
  const set = (patch: Partial<OfficeDraft>) => onChange({ ...value, ...patch });
  const err = (k: keyof OfficeProblems) => (problems[k] ? t(`places.problem.${problems[k]}`) : undefined);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
      noValidate
      aria-label={t(editing ? "places.editOffice" : "places.newOffice")}
    >
      <Stack gap="sm">
        <TextInput
          label={t("places.name")}
          required
          maxLength={200}
          value={value.name}
          onChange={(e) => set({ name: e.currentTarget.value })}
          error={err("name")}
        />
        <UnitSelect
          label={t("places.unit")}
          description={t("places.unitHint")}
          placeholder={t("places.agencyWide")}
          clearable
          units={units}
          value={value.unitId}
          onChange={(unitId) => set({ unitId })}
        />
        <Radio.Group label={t("places.shape")} value={value.type} onChange={(v) => set({ type: v === "polygon" ? "polygon" : "circle" })}>
          <Group gap="md" mt={4}>
            <Radio value="circle" label={t("places.circle")} />
            <Radio value="polygon" label={t("places.polygon")} />
          </Group>
        </Radio.Group>
        {value.type === "circle" ? (
          <Group grow align="flex-start" gap="sm" preventGrowOverflow={false}>
            <TextInput
              label={t("places.centre")}
              description={t("places.centreHint")}
              placeholder="-6.175400, 106.827200"
              inputMode="decimal"
              value={value.centre}
              onChange={(e) => set({ centre: e.currentTarget.value })}
              error={err("centre")}
              miw={0}
            />
            <NumberInput
              label={t("places.radius")}
              description={t("places.radiusHint")}
              min={10}
              max={5000}
              step={10}
              allowDecimal={false}
              value={value.radius}
              onChange={(radius) => set({ radius })}
              error={err("radius")}
              miw={0}
            />
          </Group>
        ) : (
          <Textarea
            label={t("places.points")}
            description={t("places.pointsHint")}
            autosize
            minRows={3}
            value={value.points}
            onChange={(e) => set({ points: e.currentTarget.value })}
            error={err("points")}
          />
        )}
        <Group gap="xs">
          <Button type="submit" loading={busy}>
            {t(editing ? "places.saveOffice" : "places.addOffice")}
          </Button>
          {editing ? (
            <Button variant="default" onClick={onCancel}>
              {t("cancel")}
            </Button>
          ) : null}
        </Group>
      </Stack>
    </form>
  );
}
