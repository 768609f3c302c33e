import { Button, MultiSelect, NumberInput, Select, SimpleGrid, Stack, Textarea } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { useSaveQuestion } from "../adminApi";
import type { QuestionType } from "../types";

const TYPES: QuestionType[] = ["single", "multiple", "true_false", "short", "matching", "ordering", "essay"];
const lines = (s: string) =>
  s
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);

/** Builds the stored content of a question from the form's plain lines. */
export function contentOf(type: QuestionType, text: string, correct: string[], truth: boolean, guidance: string): Record<string, unknown> {
  const items = lines(text).map((l, i) => ({ id: `o${i + 1}`, text: l }));
  switch (type) {
    case "single":
      return { kind: type, options: items, correct: correct[0] ?? "" };
    case "multiple":
      return { kind: type, options: items, correct };
    case "true_false":
      return { kind: type, correct: truth };
    case "short":
      return { kind: type, accepted: lines(text) };
    case "matching":
      return {
        kind: type,
        pairs: lines(text).map((l, i) => {
          const [left, ...right] = l.split("=");
          return { id: `p${i + 1}`, left: left.trim(), right: right.join("=").trim() };
        }),
      };
    case "ordering":
      return { kind: type, items };
    case "essay":
      return { kind: type, guidance: guidance.trim() || null };
  }
}

/** A new question for a bank, any type; options, pairs and order are typed one per line. */
export function QuestionForm({ bankId }: { bankId: string }) {
  const { t } = useTranslation("learning");
  const save = useSaveQuestion(bankId);
  const [type, setType] = useState<QuestionType>("single");
  const [prompt, setPrompt] = useState("");
  const [points, setPoints] = useState<number | "">(1);
  const [text, setText] = useState("");
  const [correct, setCorrect] = useState<string[]>([]);
  const [truth, setTruth] = useState(true);
  const [guidance, setGuidance] = useState("");
  const options = lines(text).map((l, i) => ({ value: `o${i + 1}`, label: l }));
  const reset = () => {
    setPrompt("");
    setText("");
    setCorrect([]);
    setGuidance("");
  };
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(
          { body: { kind: type, prompt: prompt.trim(), points: points === "" ? 1 : points, content: contentOf(type, text, correct, truth, guidance) } },
          { onSuccess: reset },
        );
      }}
    >
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <Select
            label={t("banks.type")}
            data={TYPES.map((x) => ({ value: x, label: t(`questionType.${x}`) }))}
            value={type}
            onChange={(v) => setType((v as QuestionType) ?? "single")}
            allowDeselect={false}
          />
          <NumberInput label={t("assignment.points")} min={0.5} step={0.5} value={points} onChange={(v) => setPoints(typeof v === "number" ? v : "")} />
        </SimpleGrid>
        <Textarea label={t("banks.prompt")} autosize minRows={2} value={prompt} onChange={(e) => setPrompt(e.currentTarget.value)} required />
        {type !== "true_false" && type !== "essay" ? (
          <Textarea
            label={t(`banks.lines.${type}`)}
            description={t(`banks.linesHint.${type}`)}
            autosize
            minRows={3}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
          />
        ) : null}
        {type === "single" ? <Select label={t("banks.correct")} data={options} value={correct[0] ?? null} onChange={(v) => setCorrect(v ? [v] : [])} /> : null}
        {type === "multiple" ? <MultiSelect label={t("banks.correct")} data={options} value={correct} onChange={setCorrect} /> : null}
        {type === "true_false" ? (
          <Select
            label={t("banks.correct")}
            data={[
              { value: "true", label: t("quiz.true") },
              { value: "false", label: t("quiz.false") },
            ]}
            value={truth ? "true" : "false"}
            onChange={(v) => setTruth(v !== "false")}
            allowDeselect={false}
          />
        ) : null}
        {type === "essay" ? (
          <Textarea label={t("banks.guidance")} autosize minRows={2} value={guidance} onChange={(e) => setGuidance(e.currentTarget.value)} />
        ) : null}
        <ErrorAlert error={save.error} />
        <Button type="submit" loading={save.isPending} style={{ alignSelf: "flex-start" }}>
          {t("banks.addQuestion")}
        </Button>
      </Stack>
    </form>
  );
}
