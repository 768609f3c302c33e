import { Button, Text } from "@mantine/core";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import type { OutboxItem } from "../../../../offline/outbox";
import { ErrorAlert } from "../../../../ui/ErrorAlert";
import { Loading } from "../../../../ui/Loading";
import { useHealthForm, useHealthToday, useSubmitHealth } from "../../api";
import { estimateHealth } from "../../healthRule";
import { pendingFor } from "../../offline/daily";
import type { Advice, Answers } from "../../types";
import { LogbookError } from "../LogbookError";
import { StepCard, type StepState } from "../StepCard";
import { HealthFormView } from "./HealthFormView";
import { HealthOutcome } from "./HealthOutcome";

interface Props {
  day: string;
  workday: boolean;
  outbox: OutboxItem[];
  onAdvice?: (mode: Advice) => void;
}

/** Step 2: the daily health self-check and its verdict. */
export function HealthStep({ day, workday, outbox, onAdvice }: Props) {
  const { t, i18n } = useTranslation("logbook");
  const form = useHealthForm(i18n.language === "en" ? "en" : "id");
  const today = useHealthToday();
  const submit = useSubmitHealth();
  const [editing, setEditing] = useState(false);
  const pending = pendingFor(outbox, "POST", "/me/health");
  const sent = submit.data?.state === "sent" ? submit.data.data : null;
  const check = sent ?? today.data?.check ?? null;

  const send = (answers: Answers) => {
    if (!form.data) return;
    submit.mutate({ formVersion: form.data.version, answers }, { onSuccess: () => setEditing(false), onError: () => void form.refetch() });
  };

  let body: ReactNode;
  let state: StepState = workday ? "todo" : "optional";
  let stateLabel = t(workday ? "status.todo" : "status.optional");
  if (pending && !editing) {
    const answers = (pending.body as { answers: Answers }).answers;
    const guess = form.data ? estimateHealth(form.data.rule, answers, day) : null;
    state = "pending";
    stateLabel = t("status.pending");
    body = (
      <>
        <Text size="sm">{t("health.pendingBody")}</Text>
        {guess ? <HealthOutcome cleared={guess.cleared} reasons={guess.reasons} advice={["WFH", "SAKIT"]} estimate onAdvice={onAdvice} /> : null}
      </>
    );
  } else if (check && !editing) {
    state = check.cleared ? "done" : "attention";
    stateLabel = t(check.cleared ? "health.stateCleared" : "health.stateNotCleared");
    body = (
      <>
        <HealthOutcome cleared={check.cleared} reasons={check.reasons ?? []} advice={"advice" in check ? check.advice : []} onAdvice={onAdvice} />
        <Button variant="default" onClick={() => setEditing(true)} style={{ alignSelf: "flex-start" }}>
          {t("health.again")}
        </Button>
      </>
    );
  } else if (form.data) {
    body = (
      <>
        <Text size="sm" c="dimmed">
          {t("health.intro")}
        </Text>
        <HealthFormView key={form.data.version} form={form.data} day={day} busy={submit.isPending} serverError={submit.error} onSubmit={send} />
      </>
    );
  } else if (form.error) {
    body = <ErrorAlert error={form.error} />;
  } else {
    body = <Loading />;
  }

  return (
    <StepCard id="kesehatan" step={2} title={t("health.title")} state={state} stateLabel={stateLabel}>
      {body}
      <LogbookError error={submit.error} />
    </StepCard>
  );
}
