import { Button, Checkbox, Group, Paper, SegmentedControl, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconChecks } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { Loading } from "../../../ui/Loading";
import { PageHeader } from "../../../ui/PageHeader";
import { useMe } from "../../auth/hooks";
import { LogbookError } from "../components/LogbookError";
import { ReturnModal } from "../components/review/ReturnModal";
import { ReviewCard } from "../components/review/ReviewCard";
import { type QueueStatus, useBulkApprove, useReview, useReviewQueue } from "../manageApi";
import { useIntentKeys } from "../offline/useIntentKeys";
import type { QueueItem } from "../types";

const STATUSES: QueueStatus[] = ["submitted", "returned", "approved"];

/** The supervisor's queue: reports of direct reports (and of those acted for), to approve or return. */
export default function ReviewPage() {
  const { t } = useTranslation("logbook");
  const me = useMe().data;
  const [params, setParams] = useSearchParams();
  const status = STATUSES.find((s) => s === params.get("status")) ?? "submitted";
  const queue = useReviewQueue(status);
  const review = useReview();
  const bulk = useBulkApprove();
  const keys = useIntentKeys();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [returning, setReturning] = useState<QueueItem | null>(null);
  const items = queue.data?.items ?? [];
  const open = status === "submitted";
  const chosen = items.filter((i) => selected.has(i.id)).map((i) => i.id);

  const toast = (message: string) => notifications.show({ color: "green", message, closeButtonProps: { "aria-label": t("close") } });
  const decide = (item: QueueItem, action: "approve" | "return", comment?: string) => {
    const intent = `${item.id}:${action}:${comment ?? ""}`;
    review.mutate(
      { id: item.id, action, comment, key: keys.key(intent) },
      {
        onSuccess: () => {
          keys.done(intent);
          setReturning(null);
          setSelected((s) => new Set([...s].filter((id) => id !== item.id)));
          toast(t(action === "approve" ? "review.approved" : "review.returned", { name: item.employee.name }));
        },
      },
    );
  };
  const approveChosen = () => {
    const intent = `bulk:${chosen.join(",")}`;
    bulk.mutate(
      { ids: chosen, key: keys.key(intent) },
      {
        onSuccess: (r) => {
          keys.done(intent);
          setSelected(new Set());
          toast(t("review.bulkDone", { count: r.approved }));
        },
      },
    );
  };

  return (
    <>
      <PageHeader title={t("review.title")} description={t("review.description")} />
      <Stack gap="md">
        <SegmentedControl
          aria-label={t("review.statusLabel")}
          value={status}
          onChange={(v) => {
            setSelected(new Set());
            setParams({ status: v }, { replace: true });
          }}
          data={STATUSES.map((s) => ({ value: s, label: t(`review.tab.${s}`) }))}
          fullWidth
        />
        <LogbookError error={queue.error ?? review.error ?? bulk.error} />
        {open && items.length > 1 ? (
          <Paper withBorder radius="md" p="xs">
            <Group justify="space-between" gap="xs">
              <Checkbox
                label={t("review.selectAll")}
                checked={chosen.length === items.length}
                indeterminate={chosen.length > 0 && chosen.length < items.length}
                onChange={(e) => setSelected(e.currentTarget.checked ? new Set(items.map((i) => i.id)) : new Set())}
              />
              <Button
                size="sm"
                leftSection={<IconChecks size={16} aria-hidden />}
                disabled={chosen.length === 0}
                loading={bulk.isPending}
                onClick={approveChosen}
              >
                {t("review.approveChosen", { count: chosen.length })}
              </Button>
            </Group>
          </Paper>
        ) : null}
        {queue.isPending ? <Loading /> : null}
        {queue.data && items.length === 0 ? (
          <Text c="dimmed" ta="center" py="lg">
            {me?.isSupervisor ? t(`review.empty.${status}`) : t("review.notSupervisor")}
          </Text>
        ) : null}
        <Stack component="ul" gap="sm" m={0} p={0} style={{ listStyle: "none" }}>
          {items.map((item) => (
            <ReviewCard
              key={item.id}
              item={item}
              selected={selected.has(item.id)}
              onSelect={
                open && items.length > 1 ? (on) => setSelected((s) => new Set(on ? [...s, item.id] : [...s].filter((id) => id !== item.id))) : undefined
              }
              onApprove={open ? () => decide(item, "approve") : undefined}
              onReturn={open ? () => setReturning(item) : undefined}
              busy={review.isPending && review.variables?.id === item.id}
            />
          ))}
        </Stack>
      </Stack>
      <ReturnModal
        key={returning?.id ?? "none"}
        opened={returning !== null}
        employeeName={returning?.employee.name ?? ""}
        busy={review.isPending}
        onClose={() => setReturning(null)}
        onReturn={(comment) => returning && decide(returning, "return", comment)}
      />
    </>
  );
}
