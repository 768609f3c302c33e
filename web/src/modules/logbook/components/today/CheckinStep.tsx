import { Button, Stack, Text } from "@mantine/core";
import { IconLogin, IconLogout } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { OutboxItem } from "../../../../offline/outbox";
import { useCheckin } from "../../api";
import { locate } from "../../geo";
import type { CheckinInput, Today, WorkMode } from "../../types";
import { whereText } from "../../words";
import { LogbookError } from "../LogbookError";
import { StepCard, type StepState } from "../StepCard";
import { CheckinMap } from "./CheckinMap";
import { CheckinResult, PendingCheckin } from "./CheckinResult";
import { ModePicker } from "./ModePicker";

interface Props {
  today: Today;
  mode: WorkMode;
  onModeChange: (mode: WorkMode) => void;
  outbox: OutboxItem[];
}

function queued(outbox: OutboxItem[], kind: "in" | "out"): CheckinInput | null {
  const item = outbox.find((i) => i.url === "/me/checkins" && i.state === "pending" && (i.body as CheckinInput).kind === kind);
  return item ? (item.body as CheckinInput) : null;
}

/** Step 1: check in and out with the browser's position, and what the server made of it. */
export function CheckinStep({ today, mode, onModeChange, outbox }: Props) {
  const { t } = useTranslation("logbook");
  const checkin = useCheckin();
  const [locating, setLocating] = useState(false);
  const pendingIn = queued(outbox, "in");
  const pendingOut = queued(outbox, "out");
  const hasIn = Boolean(today.checkin || pendingIn);
  const hasOut = Boolean(today.checkout || pendingOut);
  const next: "in" | "out" | null = !hasIn ? "in" : !hasOut ? "out" : null;

  const go = async (kind: "in" | "out") => {
    setLocating(true);
    const located = await locate();
    setLocating(false);
    const input: CheckinInput = {
      kind,
      mode: kind === "in" ? mode : (today.mode ?? pendingIn?.mode ?? mode),
      deviceTime: new Date().toISOString(),
      ...located,
    };
    checkin.mutate(input);
  };

  const state: StepState = pendingIn || pendingOut ? "pending" : hasOut ? "done" : hasIn ? "done" : today.workday ? "todo" : "optional";
  const stateLabel = t(
    state === "pending" ? "status.pending" : hasOut ? "checkin.stateOut" : hasIn ? "checkin.stateIn" : today.workday ? "status.todo" : "status.optional",
  );
  const latest = today.checkout ?? today.checkin;
  const fix = latest?.position ?? pendingOut?.position ?? pendingIn?.position ?? null;
  const busy = locating || checkin.isPending;

  return (
    <StepCard id="kehadiran" step={1} title={t("checkin.title")} state={state} stateLabel={stateLabel}>
      {!hasIn ? <ModePicker value={mode} onChange={onModeChange} expected={today.expectedMode} disabled={busy} /> : null}
      {today.checkin ? <CheckinResult checkin={today.checkin} timezone={today.timezone} /> : null}
      {pendingIn ? <PendingCheckin input={pendingIn} /> : null}
      {today.checkout ? <CheckinResult checkin={today.checkout} timezone={today.timezone} /> : null}
      {pendingOut ? <PendingCheckin input={pendingOut} /> : null}
      {hasIn ? <CheckinMap position={fix} placeId={latest?.place?.id ?? null} caption={latest ? whereText(latest, t) : t("map.pendingCaption")} /> : null}
      <LogbookError error={checkin.error} />
      {next ? (
        <Stack gap={6}>
          <Button
            size="xl"
            fullWidth
            loading={busy}
            onClick={() => void go(next)}
            leftSection={next === "in" ? <IconLogin aria-hidden /> : <IconLogout aria-hidden />}
            color={next === "in" ? "abdi" : "gray.8"}
          >
            {t(next === "in" ? "checkin.in" : "checkin.out")}
          </Button>
          <Text size="xs" c="dimmed" ta="center" role="status">
            {locating ? t("checkin.locating") : t("checkin.hint")}
          </Text>
        </Stack>
      ) : (
        <Text size="sm" c="dimmed">
          {t("checkin.doneForToday")}
        </Text>
      )}
    </StepCard>
  );
}
