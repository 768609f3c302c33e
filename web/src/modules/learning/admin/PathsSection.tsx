import { ActionIcon, Anchor, Badge, Button, Card, Group, Modal, Stack, Text } from "@mantine/core";
import { IconPencil, IconPlus, IconTrash } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { Loading } from "../../../ui/Loading";
import { type PathSummary, useDeletePath, usePath, usePaths } from "../pathsApi";
import { PathForm } from "./PathForm";

type Editing = { kind: "new" } | { kind: "edit"; id: string } | null;

/** Learning admins: the agency's paths (drafts included), new ones, edits, deletion with a confirmation. */
export function PathsSection() {
  const { t } = useTranslation("learning");
  const q = usePaths();
  const remove = useDeletePath();
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<PathSummary | null>(null);
  return (
    <Stack gap="sm">
      <Group justify="flex-end">
        <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing({ kind: "new" })}>
          {t("paths.new")}
        </Button>
      </Group>
      <ErrorAlert error={q.error ?? remove.error} />
      {q.isPending ? <Loading /> : null}
      {q.data?.length === 0 ? <Text c="dimmed">{t("paths.noneAdmin")}</Text> : null}
      <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: "none" }} aria-label={t("paths.title")}>
        {(q.data ?? []).map((p) => (
          <Card key={p.id} withBorder component="li" padding="sm">
            <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
              <Stack gap={2} style={{ minWidth: 0 }}>
                <Anchor component={Link} to={`/learning/paths/${p.id}`} fw={600} style={{ overflowWrap: "anywhere" }}>
                  {p.title}
                </Anchor>
                <Text size="sm" c="dimmed">
                  {t("paths.courseCount", { count: p.courseCount })}
                  {p.competency ? ` · ${p.competency}` : ""}
                </Text>
              </Stack>
              <Group gap={4} wrap="nowrap">
                <Badge color={p.status === "published" ? "green" : "gray"} variant="dot">
                  {t(`courseStatus.${p.status}`)}
                </Badge>
                <ActionIcon variant="default" onClick={() => setEditing({ kind: "edit", id: p.id })} aria-label={t("editor.edit", { item: p.title })}>
                  <IconPencil size={16} aria-hidden />
                </ActionIcon>
                <ActionIcon variant="default" color="red" onClick={() => setDeleting(p)} aria-label={t("editor.delete", { item: p.title })}>
                  <IconTrash size={16} aria-hidden />
                </ActionIcon>
              </Group>
            </Group>
          </Card>
        ))}
      </Stack>
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing?.kind === "edit" ? t("paths.edit") : t("paths.new")}
        closeButtonProps={{ "aria-label": t("close") }}
      >
        {editing?.kind === "new" ? <PathForm path={null} onDone={() => setEditing(null)} /> : null}
        {editing?.kind === "edit" ? <EditPath id={editing.id} onDone={() => setEditing(null)} /> : null}
      </Modal>
      <Modal opened={deleting !== null} onClose={() => setDeleting(null)} title={t("paths.deleteTitle")} closeButtonProps={{ "aria-label": t("close") }}>
        <Stack gap="sm">
          <Text>{t("paths.deleteBody", { title: deleting?.title ?? "" })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDeleting(null)}>
              {t("common:cancel")}
            </Button>
            <Button color="red" loading={remove.isPending} onClick={() => deleting && remove.mutate(deleting.id, { onSettled: () => setDeleting(null) })}>
              {t("paths.deleteConfirm")}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

function EditPath({ id, onDone }: { id: string; onDone: () => void }) {
  const q = usePath(id);
  if (q.isPending) return <Loading />;
  if (!q.data) return <ErrorAlert error={q.error} />;
  return <PathForm path={q.data} onDone={onDone} />;
}
