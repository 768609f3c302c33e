import { Button, Card, Group, Stack, Text, Title } from "@mantine/core";
import { IconChevronLeft, IconChevronRight } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { intlLocale } from "../../../ui/format";
import { Loading } from "../../../ui/Loading";
import { PageHeader } from "../../../ui/PageHeader";
import { useMyRequests, useMyWeek } from "../api";
import { ModeBadge } from "../components/ModeBadge";
import { RequestForm } from "../components/RequestForm";
import { RequestStatus } from "../components/RequestStatus";
import { addDays, shortDay, thisMonday } from "../week";

/** Every employee: the own week with reasons, a change request, and the own requests. */
export default function MyWeekPage() {
  const { t, i18n } = useTranslation("arrangement");
  const locale = intlLocale(i18n.language);
  const [week, setWeek] = useState(thisMonday());
  const q = useMyWeek(week, i18n.language);
  const requests = useMyRequests();
  const today = new Date().toISOString().slice(0, 10);
  const workdays = (q.data?.days ?? []).filter((d) => d.workday && d.date >= today).map((d) => d.date);
  return (
    <>
      <PageHeader title={t("myWeek.title")} />
      <Stack>
        <Group justify="space-between" wrap="nowrap">
          <Button variant="default" onClick={() => setWeek(addDays(week, -7))} aria-label={t("myWeek.prev")} px="xs">
            <IconChevronLeft aria-hidden />
          </Button>
          <Text fw={600}>{t("myWeek.weekOf", { date: shortDay(week, locale) })}</Text>
          <Button variant="default" onClick={() => setWeek(addDays(week, 7))} aria-label={t("myWeek.next")} px="xs">
            <IconChevronRight aria-hidden />
          </Button>
        </Group>
        <ErrorAlert error={q.error} />
        {q.isPending ? <Loading /> : null}
        {q.data && !q.data.publishedAt ? <Text c="dimmed">{t("myWeek.notPublished")}</Text> : null}
        <Stack gap="xs" component="ul" aria-label={t("myWeek.weekOf", { date: shortDay(week, locale) })} p={0} m={0} style={{ listStyle: "none" }}>
          {(q.data?.days ?? [])
            .filter((d) => d.workday || d.dayOff)
            .map((d) => (
              <Card key={d.date} withBorder component="li" padding="sm">
                <Group justify="space-between" wrap="nowrap" align="flex-start">
                  <Text fw={600}>{shortDay(d.date, locale)}</Text>
                  {d.cell ? <ModeBadge mode={d.cell.mode} /> : null}
                </Group>
                <Text size="sm" style={{ overflowWrap: "anywhere" }}>
                  {d.cell?.reason ?? (d.dayOff ? `${t("myWeek.dayOff")}: ${i18n.language === "en" ? d.dayOff.nameEn : d.dayOff.nameId}` : t("myWeek.noCell"))}
                </Text>
              </Card>
            ))}
        </Stack>
        {workdays.length > 0 ? <RequestForm dates={workdays} /> : null}
        <Title order={2} size="h4">
          {t("myWeek.mine")}
        </Title>
        <ErrorAlert error={requests.error} />
        {requests.data?.length === 0 ? <Text c="dimmed">{t("myWeek.noRequests")}</Text> : null}
        <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: "none" }} aria-label={t("myWeek.mine")}>
          {(requests.data ?? []).map((r) => (
            <Card key={r.id} withBorder component="li" padding="sm">
              <Group justify="space-between" wrap="wrap">
                <Text fw={600}>
                  {shortDay(r.date, locale)} · {t(`modeLong.${r.mode}`)}
                </Text>
                <RequestStatus request={r} />
              </Group>
              <Text size="sm" style={{ overflowWrap: "anywhere" }}>
                {r.reason}
              </Text>
              {r.comment ? (
                <Text size="sm" c="dimmed">
                  {r.comment}
                </Text>
              ) : null}
            </Card>
          ))}
        </Stack>
      </Stack>
    </>
  );
}
