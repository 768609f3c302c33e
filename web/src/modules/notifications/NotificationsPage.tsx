import { Badge, Button, Group, Paper, Stack, Text, UnstyledButton } from "@mantine/core";
import { IconChecks } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { useFormat } from "../../ui/format";
import { Loading } from "../../ui/Loading";
import { PageHeader } from "../../ui/PageHeader";
import { type Notification, useMarkAllRead, useMarkRead, useNotifications } from "./api";
import { notificationText } from "./texts";

function Item({ n }: { n: Notification }) {
  const { t, i18n } = useTranslation("notifications");
  const format = useFormat();
  const navigate = useNavigate();
  const markRead = useMarkRead();
  const { title, body } = notificationText(n, t, i18n.language);
  const unread = n.readAt === null;
  const open = () => {
    if (unread) markRead.mutate(n.id);
    if (n.link) void navigate(n.link);
  };
  const content = (
    <Stack gap={2} style={{ minWidth: 0 }}>
      <Group gap="xs" wrap="nowrap" align="flex-start">
        {unread ? (
          <Badge size="xs" color="red.8" variant="filled" style={{ flexShrink: 0, marginTop: 3 }}>
            {t("new")}
          </Badge>
        ) : null}
        <Text size="sm" fw={unread ? 700 : 500} style={{ overflowWrap: "anywhere" }}>
          {title}
        </Text>
      </Group>
      {body ? (
        <Text size="sm" c="dimmed" style={{ overflowWrap: "anywhere", whiteSpace: "pre-line" }}>
          {body}
        </Text>
      ) : null}
      <Text size="xs" c="dimmed">
        {format.dateTime(n.createdAt)}
      </Text>
    </Stack>
  );
  return (
    <Paper component="li" withBorder radius="md" p="sm" bg={unread ? "abdi.0" : undefined}>
      {n.link ? (
        <UnstyledButton onClick={open} w="100%" style={{ textAlign: "left" }}>
          {content}
        </UnstyledButton>
      ) : (
        content
      )}
      {unread && !n.link ? (
        <Button size="compact-xs" variant="subtle" mt={4} onClick={() => markRead.mutate(n.id)}>
          {t("markRead")}
        </Button>
      ) : null}
    </Paper>
  );
}

/** Everything Abdi told the person: newest first; opening one marks it read and goes where it points. */
export default function NotificationsPage() {
  const { t } = useTranslation("notifications");
  const list = useNotifications();
  const markAll = useMarkAllRead();
  const unread = list.data?.unread ?? 0;
  return (
    <>
      <PageHeader
        title={t("title")}
        description={list.data ? t("summary", { count: unread }) : undefined}
        actions={
          unread > 0 ? (
            <Button variant="default" leftSection={<IconChecks size={16} aria-hidden />} onClick={() => markAll.mutate()} loading={markAll.isPending}>
              {t("markAll")}
            </Button>
          ) : null
        }
      />
      <ErrorAlert error={list.error ?? markAll.error} />
      {list.isPending ? <Loading /> : null}
      {list.data && list.data.items.length === 0 ? (
        <Text c="dimmed" ta="center" py="lg">
          {t("empty")}
        </Text>
      ) : null}
      <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: "none" }}>
        {list.data?.items.map((n) => (
          <Item key={n.id} n={n} />
        ))}
      </Stack>
    </>
  );
}
