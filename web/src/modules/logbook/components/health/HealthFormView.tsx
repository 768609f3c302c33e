import { Button, Stack } from "@mantine/core";
import { type FormEvent, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../../../api/client";
import type { Answers, HealthForm } from "../../types";
import { type Draft, type DraftProblem, emptyDraft, toAnswers } from "./drafts";
import { HealthQuestion } from "./HealthQuestion";

interface Props {
  form: HealthForm;
  day: string;
  busy: boolean;
  serverError: unknown;
  onSubmit: (answers: Answers) => void;
}

/** Field paths of a refused submission ("answers.temperature.date") by question id. */
function serverProblems(error: unknown): Set<string> {
  const out = new Set<string>();
  if (error instanceof ApiError) for (const e of error.errors) out.add(e.path.replace(/^body\./, "").split(".")[1] ?? "");
  return out;
}

/** The health self-check as the agency defined it (every question type), checked before it is sent. */
export function HealthFormView({ form, day, busy, serverError, onSubmit }: Props) {
  const { t } = useTranslation("logbook");
  const [drafts, setDrafts] = useState<Record<string, Draft>>(() => Object.fromEntries(form.questions.map((q) => [q.id, emptyDraft(q)])));
  const [problems, setProblems] = useState<Record<string, DraftProblem>>({});
  const refused = useMemo(() => serverProblems(serverError), [serverError]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const r = toAnswers(form.questions, drafts);
    setProblems(r.problems);
    if (Object.keys(r.problems).length === 0) onSubmit(r.answers);
  };

  const errorOf = (id: string) => {
    const p = problems[id];
    if (p) return t(`health.problem.${p}`);
    return refused.has(id) ? t("health.problem.invalid") : undefined;
  };

  return (
    <form onSubmit={submit} noValidate aria-label={t("health.formLabel")}>
      <Stack gap="md">
        {form.questions.map((q) => (
          <HealthQuestion
            key={q.id}
            question={q}
            day={day}
            draft={drafts[q.id] ?? emptyDraft(q)}
            onChange={(d) => setDrafts((all) => ({ ...all, [q.id]: d }))}
            error={errorOf(q.id)}
          />
        ))}
        <Button type="submit" loading={busy} size="md">
          {t("health.send")}
        </Button>
      </Stack>
    </form>
  );
}
