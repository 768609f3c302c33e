import { Button, Group, NumberInput, Paper, Select, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { IconTrash } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import type { Target } from "../../types";
import type { ActivityDraft, ActivityProblems } from "./activityDraft";
import { EvidenceField } from "./EvidenceField";

interface Props {
  index: number;
  value: ActivityDraft;
  onChange: (v: ActivityDraft) => void;
  onRemove?: () => void;
  problems: ActivityProblems[number];
  targets: Target[];
}

/** One activity of the day: what was done, for which target, what came out, how long, and the evidence. */
export function ActivityFields({ index, value, onChange, onRemove, problems, targets }: Props) {
  const { t } = useTranslation("logbook");
  const set = (patch: Partial<ActivityDraft>) => onChange({ ...value, ...patch });
  const err = (f: keyof typeof problems) => (problems[f] ? t(`report.problem.${problems[f]}`) : undefined);
  const rhkOptions = targets.map((x) => ({ value: x.id, label: x.code ? `${x.code} — ${x.title}` : x.title }));
  return (
    <Paper withBorder radius="md" p="sm" component="fieldset" m={0} style={{ minWidth: 0 }}>
      <Text component="legend" fw={600} size="sm" px={4}>
        {t("report.activityN", { n: index + 1 })}
      </Text>
      <Stack gap="sm">
        <Textarea
          label={t("report.description")}
          required
          autosize
          minRows={2}
          maxLength={2000}
          value={value.description}
          onChange={(e) => set({ description: e.currentTarget.value })}
          error={err("description")}
        />
        <Select
          label={t("report.rhk")}
          placeholder={targets.length ? t("report.rhkPick") : t("report.rhkNone")}
          data={rhkOptions}
          value={value.rhkId}
          onChange={(v) => set({ rhkId: v })}
          clearable
          searchable
          disabled={targets.length === 0}
          comboboxProps={{ withinPortal: true }}
        />
        <Group grow gap="sm" align="flex-start" preventGrowOverflow={false}>
          <NumberInput
            label={t("report.outputQty")}
            required
            min={0}
            decimalScale={2}
            value={value.outputQty}
            onChange={(v) => set({ outputQty: v })}
            error={err("outputQty")}
            miw={0}
          />
          <TextInput
            label={t("report.outputUnit")}
            required
            placeholder={t("report.outputUnitHint")}
            maxLength={50}
            value={value.outputUnit}
            onChange={(e) => set({ outputUnit: e.currentTarget.value })}
            error={err("outputUnit")}
            miw={0}
          />
        </Group>
        <NumberInput
          label={t("report.minutes")}
          required
          min={1}
          max={1440}
          step={15}
          allowDecimal={false}
          value={value.minutes}
          onChange={(v) => set({ minutes: v })}
          error={err("minutes")}
          maw={200}
        />
        <EvidenceField value={value.evidence} onChange={(evidence) => set({ evidence })} error={err("evidence")} />
        {onRemove ? (
          <Button
            variant="subtle"
            color="red"
            c="red.9"
            leftSection={<IconTrash size={16} aria-hidden />}
            onClick={onRemove}
            style={{ alignSelf: "flex-start" }}
          >
            {t("report.remove", { n: index + 1 })}
          </Button>
        ) : null}
      </Stack>
    </Paper>
  );
}
