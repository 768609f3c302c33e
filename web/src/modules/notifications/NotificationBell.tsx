import { ActionIcon, Indicator } from "@mantine/core";
import { IconBell } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useUnreadCount } from "./api";

/** The header's bell: how many notifications are unread (checked every minute), opening the list. */
export function NotificationBell() {
  const { t } = useTranslation("notifications");
  const unread = useUnreadCount().data ?? 0;
  const label = unread > 0 ? t("bell.unread", { count: unread }) : t("bell.none");
  return (
    <Indicator label={<span aria-hidden>{unread > 99 ? "99+" : unread}</span>} size={18} color="red.8" offset={6} disabled={unread === 0} zIndex={2}>
      <ActionIcon component={Link} to="/notifications" variant="subtle" color="gray.8" size="lg" radius="xl" aria-label={label} title={label}>
        <IconBell size={22} stroke={1.6} aria-hidden />
      </ActionIcon>
    </Indicator>
  );
}
