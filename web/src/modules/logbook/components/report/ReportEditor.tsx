import { Button, Group, SimpleGrid, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconPlus, IconSend } from "@tabler/icons-react";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../../../api/client";
import { useSaveDraft, useSubmitReport } from "../../api";
import type { Target } from "../../types";
import { LogbookError } from "../LogbookError";
import { ActivityFields } from "./ActivityFields";
import { type ActivityDraft, type ActivityProblems, blankActivity, toInputs, totalMinutes } from "./activityDraft";
import { minutesText } from "./minutes";

interface Props {
  date: string;
  initial: ActivityDraft[];
  targets: Target[];
}

const FIELDS = new Set(["description", "outputQty", "outputUnit", "minutes", "evidence"]);

/** Problems the server found in activities ("body.activities.0.minutes"), merged under the editor's own. */
function serverProblems(error: unknown, count: number): ActivityProblems {
  const out: ActivityProblems = Array.from({ length: count }, () => ({}));
  if (!(error instanceof ApiError)) return out;
  for (const e of error.errors) {
    const m = e.path.match(/activities\.(\d+)\.(\w+)/);
    if (m && out[Number(m[1])] && FIELDS.has(m[2])) out[Number(m[1])][m[2] as keyof ActivityProblems[number]] = "required";
  }
  return out;
}

/** The day's activities being written: add, remove, save as draft, submit to the supervisor. */
export function ReportEditor({ date, initial, targets }: Props) {
  const { t } = useTranslation("logbook");
  const [drafts, setDrafts] = useState<ActivityDraft[]>(() => (initial.length ? initial : [blankActivity()]));
  const [problems, setProblems] = useState<ActivityProblems>([]);
  const save = useSaveDraft(date);
  const submit = useSubmitReport(date);
  const error = submit.error ?? save.error;
  const fromServer = useMemo(() => serverProblems(save.error, drafts.length), [save.error, drafts.length]);
  const total = totalMinutes(drafts);

  const check = () => {
    const r = toInputs(drafts);
    setProblems(r.problems);
    return r.ok ? r.activities : null;
  };
  const told = (queued: boolean, sentKey: string) =>
    notifications.show({ color: queued ? "yellow" : "green", message: t(queued ? "report.queued" : sentKey), closeButtonProps: { "aria-label": t("close") } });

  const saveDraft = async () => {
    const activities = check();
    if (!activities) return;
    const r = await save.mutateAsync(activities).catch(() => null);
    if (r) told(r.state === "queued", "report.saved");
  };
  const sendToSupervisor = async () => {
    const activities = check();
    if (!activities) return;
    const saved = await save.mutateAsync(activities).catch(() => null);
    if (!saved) return;
    const sent = await submit.mutateAsync().catch(() => null);
    if (sent) told(sent.state === "queued" || saved.state === "queued", "report.submitted");
  };

  const busy = save.isPending || submit.isPending;
  return (
    <Stack gap="md">
      {drafts.map((d, i) => (
        <ActivityFields
          key={d.uid}
          index={i}
          value={d}
          targets={targets}
          problems={{ ...fromServer[i], ...problems[i] }}
          onChange={(v) => setDrafts((all) => all.map((x) => (x.uid === d.uid ? v : x)))}
          onRemove={drafts.length > 1 ? () => setDrafts((all) => all.filter((x) => x.uid !== d.uid)) : undefined}
        />
      ))}
      <Group justify="space-between" gap="xs">
        <Button
          variant="default"
          leftSection={<IconPlus size={16} aria-hidden />}
          onClick={() => setDrafts((all) => [...all, blankActivity()])}
          disabled={drafts.length >= 50}
        >
          {t("report.add")}
        </Button>
        <Text size="sm" c={total > 1440 ? "red.9" : "dimmed"}>
          {t("report.total", { total: minutesText(total, t) })}
        </Text>
      </Group>
      <LogbookError error={error} />
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs">
        <Button variant="default" onClick={() => void saveDraft()} loading={save.isPending && !submit.isPending} disabled={busy}>
          {t("report.saveDraft")}
        </Button>
        <Button leftSection={<IconSend size={16} aria-hidden />} onClick={() => void sendToSupervisor()} loading={submit.isPending} disabled={busy}>
          {t("report.submit")}
        </Button>
      </SimpleGrid>
    </Stack>
  );
}
