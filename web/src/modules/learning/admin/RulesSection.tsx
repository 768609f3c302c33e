import { ActionIcon, Alert, Button, Card, Group, Modal, Stack, Switch, Text } from "@mantine/core";
import { IconPlayerPlay, IconPlus, IconTrash } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { useFormat } from "../../../ui/format";
import { Loading } from "../../../ui/Loading";
import { type ApplyResult, type Rule, useApplyRule, useDeleteRule, useRules, useSetRuleActive } from "../rulesApi";
import { RuleForm } from "./RuleForm";

/** Why a rule stopped enrolling, as the API words it, to the key of its translation. */
const SKIPPED: Record<string, string> = {
  "This run is full": "full",
  "Enrolment in this run is closed": "closed",
  "This run has ended": "ended",
  "The course is not published": "unpublished",
  "run not found": "noRun",
};

/** Learning admins: the agency's mandatory-enrolment rules; add, pause, apply now, delete. */
export function RulesSection() {
  const { t } = useTranslation("learning");
  const q = useRules();
  const remove = useDeleteRule();
  const [adding, setAdding] = useState(false);
  const [deleting, setDeleting] = useState<Rule | null>(null);
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t("rules.intro")}
      </Text>
      <Group justify="flex-end">
        <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setAdding(true)}>
          {t("rules.new")}
        </Button>
      </Group>
      <ErrorAlert error={q.error ?? remove.error} />
      {q.isPending ? <Loading /> : null}
      {q.data?.length === 0 ? <Text c="dimmed">{t("rules.none")}</Text> : null}
      <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: "none" }} aria-label={t("rules.title")}>
        {(q.data ?? []).map((r) => (
          <RuleCard key={r.id} rule={r} onDelete={() => setDeleting(r)} />
        ))}
      </Stack>
      <Modal opened={adding} onClose={() => setAdding(false)} title={t("rules.new")} closeButtonProps={{ "aria-label": t("close") }}>
        <RuleForm onDone={() => setAdding(false)} />
      </Modal>
      <Modal opened={deleting !== null} onClose={() => setDeleting(null)} title={t("rules.deleteTitle")} closeButtonProps={{ "aria-label": t("close") }}>
        <Stack gap="sm">
          <Text>{t("rules.deleteBody", { name: deleting?.name ?? "" })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDeleting(null)}>
              {t("common:cancel")}
            </Button>
            <Button color="red" loading={remove.isPending} onClick={() => deleting && remove.mutate(deleting.id, { onSettled: () => setDeleting(null) })}>
              {t("rules.deleteConfirm")}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

function RuleCard({ rule: r, onDelete }: { rule: Rule; onDelete: () => void }) {
  const { t } = useTranslation("learning");
  const format = useFormat();
  const apply = useApplyRule();
  const setActive = useSetRuleActive();
  const [result, setResult] = useState<ApplyResult | null>(null);
  const who = [
    r.unitName ? t("rules.inUnit", { unit: r.unitName }) : null,
    r.positionName ? t("rules.withPosition", { position: r.positionName }) : null,
    r.newHireMonths ? t("rules.hiredWithin", { count: r.newHireMonths }) : null,
  ].filter((x): x is string => x !== null);
  const skippedKey = result?.skipped ? SKIPPED[result.skipped] : undefined;
  return (
    <Card withBorder component="li" padding="sm" aria-label={r.name}>
      <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
        <Text fw={600} style={{ overflowWrap: "anywhere" }}>
          {r.name}
        </Text>
        <ActionIcon variant="default" color="red" onClick={onDelete} aria-label={t("editor.delete", { item: r.name })}>
          <IconTrash size={16} aria-hidden />
        </ActionIcon>
      </Group>
      <Text size="sm">
        {r.courseTitle} · {r.runTitle || t(r.runKind === "self_paced" ? "run.selfPaced" : "run.cohort")}
      </Text>
      <Text size="sm" c="dimmed">
        {t("rules.whoList", { list: who.join(", ") })}
        {r.dueDays ? ` · ${t("rules.dueWithin", { count: r.dueDays })}` : ""}
      </Text>
      <Text size="xs" c="dimmed">
        {r.lastAppliedAt ? t("rules.lastApplied", { at: format.dateTime(r.lastAppliedAt) }) : t("rules.neverApplied")}
      </Text>
      <Group justify="space-between" mt="xs" gap="xs">
        <Switch
          label={t("rules.active")}
          checked={r.active}
          disabled={setActive.isPending}
          onChange={(e) => setActive.mutate({ id: r.id, active: e.currentTarget.checked })}
        />
        <Button
          size="xs"
          variant="light"
          leftSection={<IconPlayerPlay size={14} aria-hidden />}
          loading={apply.isPending}
          onClick={() => apply.mutate(r.id, { onSuccess: setResult })}
        >
          {t("rules.applyNow")}
        </Button>
      </Group>
      <ErrorAlert error={apply.error ?? setActive.error} />
      {result ? (
        <Alert
          mt="xs"
          variant="default"
          role="status"
          title={t("rules.applied", { count: result.enrolled })}
          style={{ borderLeft: `6px solid var(--mantine-color-${result.skipped ? "orange" : "green"}-9)` }}
        >
          {result.skipped ? t("rules.stopped", { reason: skippedKey ? t(`rules.skipped.${skippedKey}`) : result.skipped }) : t("rules.allEnrolled")}
        </Alert>
      ) : null}
    </Card>
  );
}
