import { ActionIcon, Button, Group, Modal, NumberInput, Paper, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../../../api/client";
import { useFieldErrors } from "../../../../ui/fieldErrors";
import { type FullTarget, type TargetInput, useSaveTarget } from "../../targetsApi";
import { LogbookError } from "../LogbookError";

const MAX_INDICATORS = 20;

interface Row {
  name: string;
  target: number | string;
  unit: string;
}

interface Props {
  opened: boolean;
  onClose: () => void;
  employeeId: string;
  period: string;
  /** The target to change; null adds a new one. */
  target: FullTarget | null;
}

const blank = (): Row => ({ name: "", target: "", unit: "" });

/** Adds or changes one target (RHK) with its indicators, in a modal. */
export function TargetForm({ opened, onClose, employeeId, period, target }: Props) {
  const { t } = useTranslation("logbook");
  const save = useSaveTarget();
  const [code, setCode] = useState(target?.code ?? "");
  const [title, setTitle] = useState(target?.title ?? "");
  const [rows, setRows] = useState<Row[]>(target ? target.indicators.map((i) => ({ ...i })) : [blank()]);
  const [touched, setTouched] = useState(false);
  const local: Record<string, string> = {};
  if (touched && !title.trim()) local.title = t("targets.form.titleRequired");
  if (save.error instanceof ApiError && save.error.status === 409) local.code = t("targets.form.codeTaken");
  const errors = useFieldErrors(save.error, local);

  const setRow = (index: number, change: Partial<Row>) => setRows((rs) => rs.map((r, i) => (i === index ? { ...r, ...change } : r)));
  const submit = () => {
    setTouched(true);
    if (!title.trim()) return;
    const input: TargetInput = {
      code: code.trim() || null,
      title: title.trim(),
      indicators: rows.map((r) => ({ name: r.name.trim(), target: typeof r.target === "number" ? r.target : Number.NaN, unit: r.unit.trim() })),
    };
    save.mutate({ id: target?.id ?? null, employeeId, period, input }, { onSuccess: onClose });
  };

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={target ? t("targets.form.editTitle") : t("targets.form.newTitle")}
      closeButtonProps={{ "aria-label": t("close") }}
      size="lg"
    >
      <Stack gap="sm">
        <TextInput
          label={t("targets.code")}
          description={t("targets.form.codeHint")}
          maxLength={40}
          value={code}
          onChange={(e) => setCode(e.currentTarget.value)}
          error={errors.code}
        />
        <Textarea
          label={t("targets.titleLabel")}
          required
          autosize
          minRows={2}
          maxLength={1000}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          error={errors.title}
        />
        <Text fw={600} size="sm" id="indicator-heading">
          {t("targets.indicators")}
        </Text>
        {errors.indicators ? (
          <Text c="red.8" size="sm">
            {errors.indicators}
          </Text>
        ) : null}
        <Stack gap="xs" role="group" aria-labelledby="indicator-heading">
          {rows.map((r, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: indicator rows have no identity but their place
            <Paper key={i} withBorder p="xs" radius="sm">
              <Stack gap={6}>
                <Group justify="space-between" wrap="nowrap">
                  <Text size="sm" fw={600}>
                    {t("targets.form.indicatorN", { n: i + 1 })}
                  </Text>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    disabled={rows.length <= 1}
                    onClick={() => setRows((rs) => rs.filter((_, k) => k !== i))}
                    aria-label={t("targets.form.removeIndicator", { n: i + 1 })}
                  >
                    <IconTrash size={16} aria-hidden />
                  </ActionIcon>
                </Group>
                <TextInput
                  label={t("targets.form.indicatorName")}
                  required
                  maxLength={500}
                  value={r.name}
                  onChange={(e) => setRow(i, { name: e.currentTarget.value })}
                  error={errors[`indicators.${i}.name`]}
                />
                <Group gap="xs" grow wrap="nowrap">
                  <NumberInput
                    label={t("targets.form.target")}
                    required
                    min={0}
                    value={r.target}
                    onChange={(v) => setRow(i, { target: v })}
                    error={errors[`indicators.${i}.target`]}
                  />
                  <TextInput
                    label={t("targets.form.unit")}
                    required
                    maxLength={50}
                    placeholder={t("targets.form.unitExample")}
                    value={r.unit}
                    onChange={(e) => setRow(i, { unit: e.currentTarget.value })}
                    error={errors[`indicators.${i}.unit`]}
                  />
                </Group>
              </Stack>
            </Paper>
          ))}
        </Stack>
        <Button
          variant="default"
          leftSection={<IconPlus size={16} aria-hidden />}
          disabled={rows.length >= MAX_INDICATORS}
          onClick={() => setRows((rs) => [...rs, blank()])}
          style={{ alignSelf: "flex-start" }}
        >
          {t("targets.form.addIndicator")}
        </Button>
        <LogbookError error={save.error && Object.keys(errors).length === 0 ? save.error : null} />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            {t("cancel")}
          </Button>
          <Button onClick={submit} loading={save.isPending}>
            {t("targets.form.save")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
