import { Button, Group, NumberInput, Paper, SimpleGrid, Stack, TextInput, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { useFieldErrors } from "../../../ui/fieldErrors";
import { Loading } from "../../../ui/Loading";
import { PageHeader } from "../../../ui/PageHeader";
import { useLogbookSettings, useSaveSettings } from "../manageApi";
import type { LogbookSettings } from "../types";

type HoursKey = "hours" | "ramadanHours";
type DayKey = "monThu" | "fri";

function Block({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder radius="md" p={{ base: "sm", sm: "lg" }} component="fieldset" m={0} style={{ minWidth: 0 }}>
      <Title order={2} size="h5" component="legend" px={4}>
        {title}
      </Title>
      <Stack gap="sm">{children}</Stack>
    </Paper>
  );
}

function SettingsForm({ initial }: { initial: LogbookSettings }) {
  const { t } = useTranslation("logbook");
  const save = useSaveSettings();
  const [s, setS] = useState<LogbookSettings>(initial);
  const errors = useFieldErrors(save.error);
  const num = (v: number | string) => (typeof v === "number" ? v : Number.NaN);
  const hours = (which: HoursKey, day: DayKey, edge: "start" | "end", value: string) =>
    setS((x) => ({ ...x, [which]: { ...x[which], [day]: { ...x[which][day], [edge]: value } } }));
  const hoursFields = (which: HoursKey) =>
    (["monThu", "fri"] as const).map((day) => (
      <SimpleGrid key={day} cols={2} spacing="sm">
        {(["start", "end"] as const).map((edge) => (
          <TextInput
            key={edge}
            type="time"
            label={t(`settings.${day}.${edge}`)}
            value={s[which][day][edge]}
            onChange={(e) => hours(which, day, edge, e.currentTarget.value)}
            error={errors[`${which}.${day}.${edge}`]}
          />
        ))}
      </SimpleGrid>
    ));
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(s, {
          onSuccess: () => notifications.show({ color: "green", message: t("settings.saved"), closeButtonProps: { "aria-label": t("close") } }),
        });
      }}
      noValidate
    >
      <Stack gap="md">
        <Block title={t("settings.checkin")}>
          <NumberInput
            label={t("settings.accuracy")}
            description={t("settings.accuracyHint")}
            min={10}
            max={5000}
            allowDecimal={false}
            value={s.accuracyThresholdM}
            onChange={(v) => setS({ ...s, accuracyThresholdM: num(v) })}
            error={errors.accuracyThresholdM}
          />
          <NumberInput
            label={t("settings.grace")}
            min={0}
            max={120}
            allowDecimal={false}
            value={s.lateGraceMinutes}
            onChange={(v) => setS({ ...s, lateGraceMinutes: num(v) })}
            error={errors.lateGraceMinutes}
          />
        </Block>
        <Block title={t("settings.hours")}>{hoursFields("hours")}</Block>
        <Block title={t("settings.ramadanHours")}>{hoursFields("ramadanHours")}</Block>
        <Block title={t("settings.deadline")}>
          <NumberInput
            label={t("settings.deadlineDays")}
            description={t("settings.deadlineDaysHint")}
            min={0}
            max={10}
            allowDecimal={false}
            value={s.reportDeadlineWorkdays}
            onChange={(v) => setS({ ...s, reportDeadlineWorkdays: num(v) })}
            error={errors.reportDeadlineWorkdays}
          />
          <TextInput
            type="time"
            label={t("settings.deadlineTime")}
            value={s.reportDeadlineTime}
            onChange={(e) => setS({ ...s, reportDeadlineTime: e.currentTarget.value })}
            error={errors.reportDeadlineTime}
          />
        </Block>
        <Block title={t("settings.retention")}>
          <NumberInput
            label={t("settings.coordinatesDays")}
            description={t("settings.coordinatesHint")}
            min={1}
            max={3650}
            allowDecimal={false}
            value={s.retention.coordinatesDays}
            onChange={(v) => setS({ ...s, retention: { ...s.retention, coordinatesDays: num(v) } })}
            error={errors["retention.coordinatesDays"]}
          />
          <NumberInput
            label={t("settings.healthDays")}
            description={t("settings.healthHint")}
            min={1}
            max={3650}
            allowDecimal={false}
            value={s.retention.healthAnswersDays}
            onChange={(v) => setS({ ...s, retention: { ...s.retention, healthAnswersDays: num(v) } })}
            error={errors["retention.healthAnswersDays"]}
          />
        </Block>
        <ErrorAlert error={save.error} />
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t("settings.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Agency-wide HR: the logbook's rules (accuracy, hours, deadline, retention). */
export default function SettingsPage() {
  const { t } = useTranslation("logbook");
  const settings = useLogbookSettings();
  return (
    <>
      <PageHeader title={t("settings.title")} description={t("settings.description")} />
      <ErrorAlert error={settings.error} />
      {settings.data ? <SettingsForm initial={settings.data} /> : settings.isPending ? <Loading /> : null}
    </>
  );
}
