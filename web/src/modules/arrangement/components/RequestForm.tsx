import { Alert, Button, Card, SegmentedControl, Select, Stack, Text, Textarea, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { useFieldErrors } from "../../../ui/fieldErrors";
import { intlLocale } from "../../../ui/format";
import { useCreateRequest } from "../api";
import { shortDay } from "../week";

/** The employee asks for WFH or WFO on one of the shown workdays. */
export function RequestForm({ dates }: { dates: string[] }) {
  const { t, i18n } = useTranslation("arrangement");
  const locale = intlLocale(i18n.language);
  const [date, setDate] = useState<string | null>(null);
  const [mode, setMode] = useState<"WFH" | "WFO">("WFH");
  const [reason, setReason] = useState("");
  const create = useCreateRequest();
  const errors = useFieldErrors(create.error);
  const submit = () => {
    if (!date) return;
    create.mutate({ date, mode, reason: reason.trim() }, { onSuccess: () => setReason("") });
  };
  return (
    <Card withBorder component="section" aria-labelledby="ask-title">
      <Stack>
        <Title order={2} size="h4" id="ask-title">
          {t("myWeek.ask")}
        </Title>
        <Select
          label={t("myWeek.date")}
          data={dates.map((d) => ({ value: d, label: shortDay(d, locale) }))}
          value={date}
          onChange={setDate}
          error={errors.date}
          required
        />
        <Stack gap={4}>
          <Text size="sm" fw={500} id="ask-mode">
            {t("myWeek.mode")}
          </Text>
          <SegmentedControl
            aria-labelledby="ask-mode"
            value={mode}
            onChange={(v) => setMode(v === "WFO" ? "WFO" : "WFH")}
            data={[
              { value: "WFH", label: t("modeLong.WFH") },
              { value: "WFO", label: t("modeLong.WFO") },
            ]}
          />
        </Stack>
        <Textarea label={t("myWeek.reason")} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={errors.reason} maxLength={500} required />
        <ErrorAlert error={create.error} />
        {create.isSuccess ? <Alert color="green">{t("myWeek.sent")}</Alert> : null}
        <Button onClick={submit} loading={create.isPending} disabled={!date || !reason.trim()}>
          {t("myWeek.send")}
        </Button>
      </Stack>
    </Card>
  );
}
