import { ActionIcon, Checkbox, Group, Paper, Radio, Select, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { IconArrowDown, IconArrowUp } from "@tabler/icons-react";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import type { Answer, AttemptQuestion } from "../types";

interface Props {
  question: AttemptQuestion;
  number: number;
  value: Answer | undefined;
  onChange: (answer: Answer) => void;
  disabled?: boolean;
}

const asString = (v: Answer | undefined) => (typeof v === "string" ? v : "");
const asList = (v: Answer | undefined) => (Array.isArray(v) ? v : []);
const asMap = (v: Answer | undefined): Record<string, string> => (v && typeof v === "object" && !Array.isArray(v) ? v : {});

/** One question of an attempt, whatever its type, as a labelled group of inputs. */
export function QuestionField({ question, number, value, onChange, disabled }: Props) {
  const { t } = useTranslation("learning");
  const id = useId();
  const legend = `${t("quiz.question", { n: number })}: ${question.prompt}`;
  const options = question.options ?? [];
  return (
    <Paper withBorder p="sm" radius="md" component="fieldset" aria-labelledby={id} m={0}>
      <Text id={id} fw={600} mb="xs" style={{ overflowWrap: "anywhere" }}>
        {t("quiz.question", { n: number })}. {question.prompt}
      </Text>
      <Text size="xs" c="dimmed" mb="xs">
        {t(`questionType.${question.type}`)}
      </Text>
      {question.type === "single" ? (
        <Radio.Group value={asString(value)} onChange={onChange} aria-label={legend}>
          <Stack gap="xs">
            {options.map((o) => (
              <Radio key={o.id} value={o.id} label={o.text} disabled={disabled} />
            ))}
          </Stack>
        </Radio.Group>
      ) : null}
      {question.type === "true_false" ? (
        <Radio.Group value={value === true ? "true" : value === false ? "false" : ""} onChange={(v) => onChange(v === "true")} aria-label={legend}>
          <Group gap="lg">
            <Radio value="true" label={t("quiz.true")} disabled={disabled} />
            <Radio value="false" label={t("quiz.false")} disabled={disabled} />
          </Group>
        </Radio.Group>
      ) : null}
      {question.type === "multiple" ? (
        <Checkbox.Group value={asList(value)} onChange={onChange} aria-label={legend}>
          <Stack gap="xs">
            {options.map((o) => (
              <Checkbox key={o.id} value={o.id} label={o.text} disabled={disabled} />
            ))}
          </Stack>
        </Checkbox.Group>
      ) : null}
      {question.type === "short" ? (
        <TextInput label={t("quiz.yourAnswer")} value={asString(value)} onChange={(e) => onChange(e.currentTarget.value)} disabled={disabled} />
      ) : null}
      {question.type === "essay" ? (
        <Textarea
          label={t("quiz.yourAnswer")}
          autosize
          minRows={4}
          value={asString(value)}
          onChange={(e) => onChange(e.currentTarget.value)}
          disabled={disabled}
        />
      ) : null}
      {question.type === "matching" ? <Matching question={question} value={asMap(value)} onChange={onChange} disabled={disabled} /> : null}
      {question.type === "ordering" ? <Ordering question={question} value={asList(value)} onChange={onChange} disabled={disabled} /> : null}
    </Paper>
  );
}

function Matching({
  question,
  value,
  onChange,
  disabled,
}: {
  question: AttemptQuestion;
  value: Record<string, string>;
  onChange: (a: Answer) => void;
  disabled?: boolean;
}) {
  const { t } = useTranslation("learning");
  const choices = (question.choices ?? []).map((c) => ({ value: c.id, label: c.text }));
  return (
    <Stack gap="xs">
      {(question.items ?? []).map((item) => (
        <Select
          key={item.id}
          label={item.text}
          placeholder={t("quiz.choose")}
          data={choices}
          value={value[item.id] ?? null}
          onChange={(v) => {
            const next = { ...value };
            if (v) next[item.id] = v;
            else delete next[item.id];
            onChange(next);
          }}
          disabled={disabled}
          clearable
        />
      ))}
    </Stack>
  );
}

function Ordering({ question, value, onChange, disabled }: { question: AttemptQuestion; value: string[]; onChange: (a: Answer) => void; disabled?: boolean }) {
  const { t } = useTranslation("learning");
  const options = question.items ?? question.options ?? [];
  const order = value.length === options.length ? value : options.map((o) => o.id);
  const text = (id: string) => options.find((o) => o.id === id)?.text ?? id;
  const move = (from: number, to: number) => {
    const next = [...order];
    [next[from], next[to]] = [next[to], next[from]];
    onChange(next);
  };
  return (
    <Stack gap={4} component="ol" p={0} m={0} style={{ listStyle: "none" }}>
      {order.map((id, i) => (
        <Group key={id} component="li" wrap="nowrap" gap="xs" justify="space-between">
          <Text size="sm" style={{ overflowWrap: "anywhere" }}>
            {i + 1}. {text(id)}
          </Text>
          <Group gap={4} wrap="nowrap">
            <ActionIcon variant="default" disabled={disabled || i === 0} onClick={() => move(i, i - 1)} aria-label={t("quiz.moveUp", { item: text(id) })}>
              <IconArrowUp size={16} aria-hidden />
            </ActionIcon>
            <ActionIcon
              variant="default"
              disabled={disabled || i === order.length - 1}
              onClick={() => move(i, i + 1)}
              aria-label={t("quiz.moveDown", { item: text(id) })}
            >
              <IconArrowDown size={16} aria-hidden />
            </ActionIcon>
          </Group>
        </Group>
      ))}
    </Stack>
  );
}
