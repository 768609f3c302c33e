import { Button, Card, Group, Stack, Text, Textarea } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { intlLocale } from "../../../ui/format";
import { Loading } from "../../../ui/Loading";
import { PageHeader } from "../../../ui/PageHeader";
import { useDecide, useRequests } from "../api";
import { RequestStatus } from "../components/RequestStatus";
import type { ModeRequest } from "../types";
import { shortDay } from "../week";

/** Supervisors and HR: requests of their people, decided with an optional comment. */
export default function RequestsPage() {
  const { t } = useTranslation("arrangement");
  const q = useRequests();
  return (
    <>
      <PageHeader title={t("requests.title")} description={t("requests.description")} />
      <ErrorAlert error={q.error} />
      {q.isPending ? <Loading /> : null}
      {q.data?.length === 0 ? <Text c="dimmed">{t("requests.none")}</Text> : null}
      <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: "none" }}>
        {(q.data ?? []).map((r) => (
          <RequestCard key={r.id} request={r} />
        ))}
      </Stack>
    </>
  );
}

function RequestCard({ request: r }: { request: ModeRequest }) {
  const { t, i18n } = useTranslation("arrangement");
  const day = shortDay(r.date, intlLocale(i18n.language));
  const [comment, setComment] = useState("");
  const decide = useDecide();
  const send = (decision: "approve" | "decline") => decide.mutate({ id: r.id, decision, comment: comment.trim() || null });
  return (
    <Card withBorder component="li" aria-label={t("requests.cardLabel", { name: r.employee.name, date: day })}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap">
          <Text fw={600}>
            {r.employee.name} · {day} · {t(`modeLong.${r.mode}`)}
          </Text>
          <RequestStatus request={r} />
        </Group>
        <Text size="sm" c="dimmed">
          {r.unit.name}
        </Text>
        <Text size="sm" style={{ overflowWrap: "anywhere" }}>
          {r.reason}
        </Text>
        {r.decidedBy ? <Text size="xs">{t("requests.decidedBy", { name: r.decidedBy.name })}</Text> : null}
        {r.comment ? <Text size="sm">{r.comment}</Text> : null}
        {r.canDecide && r.status === "pending" ? (
          <>
            <Textarea label={t("requests.comment")} value={comment} onChange={(e) => setComment(e.currentTarget.value)} maxLength={500} />
            <ErrorAlert error={decide.error} />
            <Group>
              <Button onClick={() => send("approve")} loading={decide.isPending && decide.variables?.decision === "approve"}>
                {t("requests.approve")}
              </Button>
              <Button variant="default" color="red" onClick={() => send("decline")} loading={decide.isPending && decide.variables?.decision === "decline"}>
                {t("requests.decline")}
              </Button>
            </Group>
          </>
        ) : null}
      </Stack>
    </Card>
  );
}
