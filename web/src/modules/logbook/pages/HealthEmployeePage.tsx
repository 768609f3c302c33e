import { Badge, Group, Paper, Stack, Text, TextInput, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useParams, useSearchParams } from "react-router";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { intlLocale, useFormat } from "../../../ui/format";
import { Loading } from "../../../ui/Loading";
import { PageHeader } from "../../../ui/PageHeader";
import { useHealthForm } from "../api";
import { AnswersView } from "../components/health/AnswersView";
import { TemperatureChart } from "../components/health/TemperatureChart";
import { WarnBadge } from "../components/WarnBadge";
import { useHealthHistory } from "../manageApi";
import { dayText } from "../words";

const iso = (d: Date) => d.toISOString().slice(0, 10);

/** Someone's health checks over a range: cleared or not for every viewer, answers for health officers in scope. */
export default function HealthEmployeePage() {
  const { t, i18n } = useTranslation("logbook");
  const format = useFormat();
  const locale = intlLocale(i18n.language);
  const { id = "" } = useParams();
  const [params, setParams] = useSearchParams();
  const to = params.get("to") ?? iso(new Date());
  const from = params.get("from") ?? iso(new Date(Date.parse(`${to}T00:00:00Z`) - 13 * 86_400_000));
  const history = useHealthHistory(id, from, to);
  const rule = useHealthForm(i18n.language === "en" ? "en" : "id").data?.rule;
  const data = history.data;
  const temps = (data?.items ?? [])
    .filter((d) => typeof d.answers?.temperature === "number")
    .map((d) => ({ date: d.workDate, value: d.answers?.temperature as number }))
    .sort((a, b) => a.date.localeCompare(b.date));
  const setRange = (patch: { from?: string; to?: string }) => setParams({ from, to, ...patch }, { replace: true });
  return (
    <>
      <PageHeader title={data ? t("healthHistory.title", { name: data.employee.name }) : t("healthHistory.titlePlain")} />
      <Stack gap="md">
        <Group gap="sm" align="flex-end">
          <TextInput
            type="date"
            label={t("healthHistory.from")}
            value={from}
            max={to}
            onChange={(e) => e.currentTarget.value && setRange({ from: e.currentTarget.value })}
          />
          <TextInput
            type="date"
            label={t("healthHistory.to")}
            value={to}
            min={from}
            onChange={(e) => e.currentTarget.value && setRange({ to: e.currentTarget.value })}
          />
        </Group>
        <ErrorAlert error={history.error} />
        {history.isPending ? <Loading /> : null}
        {data && !data.answersVisible ? (
          <Text size="sm" c="dimmed">
            {t("healthHistory.answersHidden")}
          </Text>
        ) : null}
        {data?.answersVisible && temps.length > 1 ? (
          <Paper withBorder radius="md" p="sm" component="section" aria-labelledby="temp-title">
            <Title order={2} size="h5" id="temp-title" mb="xs">
              {t("healthHistory.chartTitle")}
            </Title>
            <TemperatureChart points={temps} threshold={rule?.temperatureAtLeast ?? null} />
          </Paper>
        ) : null}
        {data && data.items.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t("healthHistory.empty")}
          </Text>
        ) : null}
        <Stack component="ul" gap="sm" m={0} p={0} style={{ listStyle: "none" }}>
          {[...(data?.items ?? [])]
            .sort((a, b) => b.workDate.localeCompare(a.workDate))
            .map((d) => (
              <Paper component="li" key={d.workDate} withBorder radius="md" p="sm">
                <Group justify="space-between" gap="xs" mb="xs">
                  <Text fw={700} size="sm">
                    {dayText(d.workDate, locale)}
                  </Text>
                  <Badge variant="dot" color={d.cleared ? "green" : "red"} styles={{ root: { color: "var(--mantine-color-text)" } }}>
                    {t(d.cleared ? "health.stateCleared" : "health.stateNotCleared")}
                  </Badge>
                </Group>
                <Text size="xs" c="dimmed" mb="xs">
                  {t("healthHistory.submittedAt", { when: format.dateTime(d.submittedAt) })}
                </Text>
                {d.reasons && d.reasons.length > 0 ? (
                  <Group gap={4} mb="xs">
                    {d.reasons.map((r) => (
                      <WarnBadge key={r}>{t(`health.reason.${r}`)}</WarnBadge>
                    ))}
                  </Group>
                ) : null}
                {d.answers ? <AnswersView answers={d.answers} formVersion={d.formVersion} /> : null}
                {d.answersPurged ? <Text size="sm">{t("health.answersPurged")}</Text> : null}
              </Paper>
            ))}
        </Stack>
      </Stack>
    </>
  );
}
