import { Button, Group, List, Stack, Text } from "@mantine/core";
import { IconCloudOff, IconCloudUpload } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../../api/client";
import { discard, flush, type OutboxItem } from "../../../offline/outbox";
import { useFormat } from "../../../ui/format";
import { useOnline } from "../offline/useOutbox";
import { refusalText } from "./LogbookError";
import { Notice } from "./Notice";

interface Props {
  items: OutboxItem[];
  /** Where on the page the person can redo a refused request (e.g. "#kehadiran"). */
  fixTarget: (item: OutboxItem) => string | null;
  onFix: (target: string) => void;
}

function useLabel() {
  const { t } = useTranslation("logbook");
  const format = useFormat();
  return (item: OutboxItem) => {
    const params = { ...(item.label.params ?? {}) };
    if (params.date) params.date = format.date(`${params.date}T12:00:00Z`);
    if (params.mode) params.mode = t(`mode.${params.mode}`);
    return t(item.label.key, params);
  };
}

function Refused({ item, fix, onFix }: { item: OutboxItem; fix: string | null; onFix: (target: string) => void }) {
  const { t } = useTranslation("logbook");
  const format = useFormat();
  const label = useLabel();
  const e = item.error ?? { status: 500, code: "internal", detail: "" };
  const { title, detail } = refusalText(new ApiError(e.status, e.code, e.detail), t, format);
  return (
    <Notice color="red" variant="light" role="alert" title={t("outbox.refused", { what: label(item) })}>
      <Stack gap="xs">
        <Text size="sm">{detail ?? title}</Text>
        <Group gap="xs">
          {fix ? (
            <Button
              size="compact-sm"
              onClick={() => {
                // A refused draft stays in the editor until it is saved again; anything else is redone from scratch.
                if (item.method !== "PUT") void discard(item.key);
                onFix(fix);
              }}
            >
              {t("outbox.fix")}
            </Button>
          ) : null}
          <Button size="compact-sm" variant="default" onClick={() => void discard(item.key)}>
            {t("outbox.discard")}
          </Button>
        </Group>
      </Stack>
    </Notice>
  );
}

/** What the device still holds: requests waiting for a connection, and any the server refused after replay. */
export function OutboxBanner({ items, fixTarget, onFix }: Props) {
  const { t } = useTranslation("logbook");
  const online = useOnline();
  const label = useLabel();
  const [sending, setSending] = useState(false);
  const pending = items.filter((i) => i.state === "pending");
  const failed = items.filter((i) => i.state === "failed");
  const sendNow = () => {
    setSending(true);
    void flush().finally(() => setSending(false));
  };
  return (
    <Stack gap="xs">
      <div role="status" aria-live="polite">
        {!online || pending.length > 0 ? (
          <Notice color={online ? "blue" : "yellow"} variant="light" icon={online ? <IconCloudUpload aria-hidden /> : <IconCloudOff aria-hidden />}>
            <Stack gap={4}>
              {!online ? (
                <Text size="sm" fw={600}>
                  {t("outbox.offline")}
                </Text>
              ) : null}
              {pending.length > 0 ? (
                <>
                  <Text size="sm" fw={600} data-testid="outbox-count">
                    {t("outbox.pending", { count: pending.length })}
                  </Text>
                  <List size="sm">
                    {pending.map((i) => (
                      <List.Item key={i.key}>{label(i)}</List.Item>
                    ))}
                  </List>
                  <Text size="xs">{online ? t("outbox.sendingSoon") : t("outbox.willSend")}</Text>
                  {online ? (
                    <Button size="compact-sm" variant="default" loading={sending} onClick={sendNow} style={{ alignSelf: "flex-start" }}>
                      {t("outbox.sendNow")}
                    </Button>
                  ) : null}
                </>
              ) : (
                <Text size="xs">{t("outbox.offlineHint")}</Text>
              )}
            </Stack>
          </Notice>
        ) : null}
      </div>
      {failed.map((item) => (
        <Refused key={item.key} item={item} fix={fixTarget(item)} onFix={(target) => onFix(target)} />
      ))}
    </Stack>
  );
}
