import { Checkbox, Group, NumberInput, Radio, Stack, Textarea, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { FormQuestion } from "../../types";
import { type Draft, wantsDate } from "./drafts";

interface Props {
  question: FormQuestion;
  draft: Draft;
  onChange: (d: Draft) => void;
  error?: string;
  /** The day of the check: dates cannot be after it. */
  day: string;
}

/** One question of the agency's health form, drawn from its definition. */
export function HealthQuestion({ question: q, draft, onChange, error, day }: Props) {
  const { t, i18n } = useTranslation("logbook");
  const comma = i18n.language === "id";
  if (draft.kind === "number") {
    return (
      <NumberInput
        label={q.label}
        required={q.required}
        min={q.min}
        max={q.max}
        step={0.1}
        decimalScale={1}
        decimalSeparator={comma ? "," : "."}
        rightSection={q.unit ? <span aria-hidden>{q.unit}</span> : undefined}
        description={q.unit ? t("health.unit", { unit: q.unit }) : undefined}
        inputMode="decimal"
        value={draft.value}
        onChange={(v) => onChange({ kind: "number", value: v })}
        error={error}
        maw={220}
      />
    );
  }
  if (draft.kind === "multi") {
    return (
      <Checkbox.Group
        label={q.label}
        description={t("health.multiHint")}
        value={draft.value}
        onChange={(v) => onChange({ kind: "multi", value: v })}
        error={error}
      >
        <Stack gap="xs" mt="xs">
          {(q.options ?? []).map((o) => (
            <Checkbox key={o.id} value={o.id} label={o.label} />
          ))}
        </Stack>
      </Checkbox.Group>
    );
  }
  if (draft.kind === "text") {
    return (
      <Textarea
        label={q.label}
        maxLength={q.maxLength}
        autosize
        minRows={2}
        value={draft.value}
        onChange={(e) => onChange({ kind: "text", value: e.currentTarget.value })}
        error={error}
      />
    );
  }
  const options =
    q.type === "yes_no"
      ? [
          { id: "yes", label: t("health.yes") },
          { id: "no", label: t("health.no") },
        ]
      : (q.options ?? []);
  const dateLabel = q.type === "yes_no" ? q.dateLabel : q.options?.find((o) => o.id === draft.value)?.dateLabel;
  return (
    <Stack gap="xs">
      <Radio.Group
        label={q.label}
        required={q.required}
        value={draft.value}
        onChange={(v) => onChange({ ...draft, value: v })}
        error={error && !wantsDate(q, draft.value) ? error : undefined}
      >
        <Group gap="md" mt="xs">
          {options.map((o) => (
            <Radio key={o.id} value={o.id} label={o.label} />
          ))}
        </Group>
      </Radio.Group>
      {wantsDate(q, draft.value) ? (
        <TextInput
          type="date"
          label={dateLabel ?? t("health.date")}
          required
          max={day}
          value={draft.date}
          onChange={(e) => onChange({ ...draft, date: e.currentTarget.value })}
          error={error && wantsDate(q, draft.value) ? error : undefined}
          maw={220}
        />
      ) : null}
    </Stack>
  );
}
