import { Anchor, Button, Card, Group, Stack, Text, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { useFormat } from "../../../ui/format";
import { Loading } from "../../../ui/Loading";
import { dateOnly } from "../dates";
import { useClaims, useDecideClaim } from "../jpApi";
import type { Claim } from "../types";

/** HR: external training claims waiting for a decision. */
export function ClaimsToDecide() {
  const { t } = useTranslation("learning");
  const q = useClaims("scope", "pending");
  return (
    <Stack gap="xs">
      <ErrorAlert error={q.error} />
      {q.isPending ? <Loading /> : null}
      {q.data?.length === 0 ? <Text c="dimmed">{t("claims.noneToDecide")}</Text> : null}
      <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: "none" }}>
        {(q.data ?? []).map((c) => (
          <ClaimCard key={c.id} claim={c} />
        ))}
      </Stack>
    </Stack>
  );
}

function ClaimCard({ claim: c }: { claim: Claim }) {
  const { t } = useTranslation("learning");
  const format = useFormat();
  const decide = useDecideClaim();
  const [note, setNote] = useState("");
  return (
    <Card withBorder component="li" padding="sm" aria-label={c.title}>
      <Text fw={600}>
        {c.employeeName ? `${c.employeeName} — ` : ""}
        {c.title}
      </Text>
      <Text size="sm" c="dimmed">
        {c.provider ?? ""} · {dateOnly(c.startedOn, format)} – {dateOnly(c.endedOn, format)} · {t("jpBadge", { count: c.jp })}
      </Text>
      {c.evidenceUrl ? (
        <Anchor href={c.evidenceUrl} target="_blank" rel="noopener noreferrer" size="sm">
          {t("claims.evidence")}
        </Anchor>
      ) : null}
      <TextInput label={t("claims.note")} value={note} onChange={(e) => setNote(e.currentTarget.value)} mt="xs" />
      <ErrorAlert error={decide.error} />
      <Group gap="xs" mt="xs">
        <Button color="green" onClick={() => decide.mutate({ id: c.id, approve: true, note })} loading={decide.isPending && decide.variables?.approve === true}>
          {t("claims.approve")}
        </Button>
        <Button
          color="red"
          variant="light"
          onClick={() => decide.mutate({ id: c.id, approve: false, note })}
          loading={decide.isPending && decide.variables?.approve === false}
        >
          {t("claims.reject")}
        </Button>
      </Group>
    </Card>
  );
}
