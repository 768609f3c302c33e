import { Anchor, Group, Paper, Stack, Text, TextInput, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { intlLocale, useFormat } from "../../../ui/format";
import { Loading } from "../../../ui/Loading";
import { PageHeader } from "../../../ui/PageHeader";
import { AnswersView } from "../components/health/AnswersView";
import { HealthCounts } from "../components/health/HealthCounts";
import { WarnBadge } from "../components/WarnBadge";
import { useHealthCases } from "../manageApi";
import { dayText } from "../words";

/** Health officer: the day's not-cleared people in scope with their answers, and the counts. */
export default function HealthPage() {
  const { t, i18n } = useTranslation("logbook");
  const format = useFormat();
  const [params, setParams] = useSearchParams();
  const date = params.get("date") ?? "";
  const q = useHealthCases(date);
  const data = q.data;
  const shown = data?.date ?? date;
  return (
    <>
      <PageHeader title={t("healthCases.title")} description={shown ? dayText(shown, intlLocale(i18n.language)) : undefined} />
      <Stack gap="md">
        <TextInput
          type="date"
          label={t("healthCases.date")}
          value={shown}
          onChange={(e) => setParams(e.currentTarget.value ? { date: e.currentTarget.value } : {}, { replace: true })}
          maw={220}
        />
        <ErrorAlert error={q.error} />
        {q.isPending ? <Loading /> : null}
        {data?.counts ? <HealthCounts counts={data.counts} /> : null}
        {data?.cases ? (
          <section aria-labelledby="cases-title">
            <Title order={2} size="h4" id="cases-title" mb="xs">
              {t("healthCases.cases", { count: data.cases.length })}
            </Title>
            {data.cases.length === 0 ? (
              <Text c="dimmed" size="sm">
                {t("healthCases.none")}
              </Text>
            ) : null}
            <Stack component="ul" gap="sm" m={0} p={0} style={{ listStyle: "none" }}>
              {data.cases.map((c) => (
                <Paper component="li" key={c.employee.id} withBorder radius="md" p="sm">
                  <Group justify="space-between" gap="xs" align="flex-start">
                    <div style={{ minWidth: 0 }}>
                      <Anchor component={Link} to={`/logbook/health/employees/${c.employee.id}?from=${data.date}&to=${data.date}`} fw={700} size="sm">
                        {c.employee.name}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {c.employee.unitName} · {format.dateTime(c.submittedAt)}
                      </Text>
                    </div>
                  </Group>
                  <Group gap={4} my="xs">
                    {c.reasons.map((r) => (
                      <WarnBadge key={r}>{t(`health.reason.${r}`)}</WarnBadge>
                    ))}
                  </Group>
                  {c.answers ? <AnswersView answers={c.answers} formVersion={c.formVersion} /> : <Text size="sm">{t("health.answersPurged")}</Text>}
                </Paper>
              ))}
            </Stack>
            {data.truncated ? (
              <Text size="xs" c="dimmed" mt="xs">
                {t("healthCases.truncated")}
              </Text>
            ) : null}
          </section>
        ) : null}
        {data && data.directReports.length > 0 ? (
          <section aria-labelledby="reports-title">
            <Title order={2} size="h4" id="reports-title" mb="xs">
              {t("healthCases.directReports")}
            </Title>
            <Stack component="ul" gap={4} m={0} p={0} style={{ listStyle: "none" }}>
              {data.directReports.map((r) => (
                <Group component="li" key={r.employee.id} justify="space-between" gap="xs">
                  <Text size="sm">{r.employee.name}</Text>
                  <Text size="sm" fw={600}>
                    {t(`healthCases.status.${r.status}`)}
                  </Text>
                </Group>
              ))}
            </Stack>
          </section>
        ) : null}
      </Stack>
    </>
  );
}
