import { Anchor, Badge, Button, Card, Group, Progress, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { useFormat } from "../../../ui/format";
import { Loading } from "../../../ui/Loading";
import { PageHeader } from "../../../ui/PageHeader";
import { Section } from "../../../ui/Section";
import { useDashboard } from "../api";
import { certificatePdfUrl } from "../components/CertificateNotice";
import { ClaimForm } from "../components/ClaimForm";
import { ClaimStatus } from "../components/ClaimStatus";
import { JpRing } from "../components/JpRing";
import { useSavedCourses } from "../components/SaveOffline";
import { dateOnly } from "../dates";
import { useClaims } from "../jpApi";
import type { Enrolment } from "../types";

const listStyle = { listStyle: "none" } as const;

/** The learner's own page: courses in progress, JP this year, certificates and external claims. */
export default function DashboardPage() {
  const { t } = useTranslation("learning");
  const format = useFormat();
  const q = useDashboard();
  const saved = useSavedCourses().data ?? [];
  const claims = useClaims("me", null).data ?? [];
  if (q.isPending) return <Loading />;
  if (!q.data) return <ErrorAlert error={q.error} />;
  const d = q.data;
  const active = d.enrolments.filter((e) => e.status !== "completed" && e.status !== "withdrawn");
  const done = d.enrolments.filter((e) => e.status === "completed");
  return (
    <>
      <PageHeader
        title={t("dashboard.title")}
        actions={
          <Button component={Link} to="/learning" variant="light">
            {t("dashboard.findCourse")}
          </Button>
        }
      />
      <Stack>
        <Section title={t("jp.title", { year: d.jp.year })}>
          <JpRing jp={d.jp} />
        </Section>
        <Section title={t("dashboard.inProgress")}>
          {active.length === 0 ? <Text c="dimmed">{t("dashboard.none")}</Text> : null}
          <Stack gap="xs" component="ul" p={0} m={0} style={listStyle} aria-label={t("dashboard.inProgress")}>
            {active.map((e) => (
              <EnrolmentCard key={e.id} enrolment={e} offline={saved.some((s) => s.enrolmentId === e.id)} />
            ))}
          </Stack>
        </Section>
        {done.length ? (
          <Section title={t("dashboard.completed")}>
            <Stack gap="xs" component="ul" p={0} m={0} style={listStyle} aria-label={t("dashboard.completed")}>
              {done.map((e) => (
                <EnrolmentCard key={e.id} enrolment={e} offline={saved.some((s) => s.enrolmentId === e.id)} />
              ))}
            </Stack>
          </Section>
        ) : null}
        <Section title={t("certificate.title")}>
          {d.certificates.length === 0 ? <Text c="dimmed">{t("certificate.none")}</Text> : null}
          <Stack gap="xs" component="ul" p={0} m={0} style={listStyle} aria-label={t("certificate.title")}>
            {d.certificates.map((c) => (
              <Card key={c.id} withBorder component="li" padding="sm">
                <Group justify="space-between" wrap="wrap" gap="xs">
                  <div style={{ minWidth: 0 }}>
                    <Text fw={600} style={{ overflowWrap: "anywhere" }}>
                      {c.courseTitle}
                    </Text>
                    <Text size="sm" c="dimmed">
                      {c.number} · {dateOnly(c.issuedOn, format)} · {t("jpBadge", { count: c.jp })}
                    </Text>
                  </div>
                  {c.revokedAt ? <Badge color="red">{t("certificate.revoked")}</Badge> : null}
                </Group>
                <Group gap="md" mt={4}>
                  <Anchor href={certificatePdfUrl(c)} download size="sm">
                    {t("certificate.downloadOf", { course: c.courseTitle })}
                  </Anchor>
                  <Anchor component={Link} to={`/verify/${encodeURIComponent(c.number)}`} size="sm">
                    {t("certificate.verify")}
                  </Anchor>
                </Group>
              </Card>
            ))}
          </Stack>
        </Section>
        <Section title={t("claims.heading")} description={t("claims.description")}>
          <Stack>
            {claims.length ? (
              <Stack gap="xs" component="ul" p={0} m={0} style={listStyle} aria-label={t("claims.mine")}>
                {claims.map((c) => (
                  <Card key={c.id} withBorder component="li" padding="sm">
                    <Group justify="space-between" wrap="wrap" gap="xs">
                      <Text fw={600} style={{ overflowWrap: "anywhere" }}>
                        {c.title}
                      </Text>
                      <ClaimStatus claim={c} />
                    </Group>
                    <Text size="sm" c="dimmed">
                      {c.provider ?? ""} · {dateOnly(c.startedOn, format)} – {dateOnly(c.endedOn, format)} · {t("jpBadge", { count: c.jp })}
                    </Text>
                    {c.note ? <Text size="sm">{c.note}</Text> : null}
                  </Card>
                ))}
              </Stack>
            ) : null}
            <ClaimForm />
          </Stack>
        </Section>
      </Stack>
    </>
  );
}

function EnrolmentCard({ enrolment: e, offline }: { enrolment: Enrolment; offline: boolean }) {
  const { t } = useTranslation("learning");
  const format = useFormat();
  const overdue = e.dueOn !== null && e.status !== "completed" && e.dueOn < new Date().toISOString().slice(0, 10);
  return (
    <Card withBorder component="li" padding="sm">
      <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
        <Anchor component={Link} to={`/learning/enrolments/${e.id}`} fw={600} style={{ overflowWrap: "anywhere" }}>
          {e.courseTitle}
        </Anchor>
        <Badge variant="light" style={{ flexShrink: 0 }}>
          {t("jpBadge", { count: e.jp })}
        </Badge>
      </Group>
      <Progress value={e.progress} mt="xs" aria-label={t("dashboard.progressOf", { course: e.courseTitle, percent: Math.round(e.progress) })} />
      <Group justify="space-between" mt={4} gap="xs">
        <Text size="xs" c="dimmed">
          {t("player.progress", { percent: Math.round(e.progress) })}
        </Text>
        {e.status === "completed" && e.completedAt ? (
          <Text size="xs">{t("dashboard.completedOn", { date: format.date(e.completedAt) })}</Text>
        ) : e.dueOn ? (
          <Text size="xs" c={overdue ? "red.9" : "dimmed"} fw={overdue ? 600 : undefined}>
            {overdue ? t("dashboard.overdue", { date: dateOnly(e.dueOn, format) }) : t("dashboard.due", { date: dateOnly(e.dueOn, format) })}
          </Text>
        ) : null}
        {offline ? (
          <Badge size="xs" variant="outline" color="gray">
            {t("offline.savedBadge")}
          </Badge>
        ) : null}
      </Group>
    </Card>
  );
}
