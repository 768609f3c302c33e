import { Badge, Button, Group, Paper, Stack, Text } from "@mantine/core";
import { IconDeviceDesktop, IconDeviceMobile } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../../ui/format";
import type { OwnSession } from "../types";
import { describeUserAgent } from "../userAgent";

interface Props {
  session: OwnSession;
  onSignOut: () => void;
  pending: boolean;
}

/** One signed-in device: what it is, when it signed in and was last seen, and a button to sign it out. */
export function SessionItem({ session, onSignOut, pending }: Props) {
  const { t } = useTranslation("profile");
  const format = useFormat();
  const { browser, os } = describeUserAgent(session.userAgent);
  const name = browser && os ? t("sessions.browserOn", { browser, os }) : (browser ?? os ?? t("sessions.unknownDevice"));
  const mobile = os === "Android" || os === "iOS";
  const Icon = mobile ? IconDeviceMobile : IconDeviceDesktop;
  return (
    <Paper component="li" withBorder radius="sm" p="sm">
      <Group justify="space-between" align="flex-start" gap="sm">
        <Group gap="sm" align="flex-start" wrap="nowrap" style={{ minWidth: 0, flex: "1 1 14rem" }}>
          <Icon size={22} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Group gap="xs">
              <Text fw={600} size="sm">
                {name}
              </Text>
              {session.current ? (
                <Badge variant="light" size="sm">
                  {t("sessions.current")}
                </Badge>
              ) : null}
            </Group>
            <Text size="xs" c="dimmed">
              {t("sessions.signedInAt", { when: format.dateTime(session.createdAt) })}
            </Text>
            <Text size="xs" c="dimmed">
              {t("sessions.lastSeen", { when: format.dateTime(session.lastSeenAt) })}
            </Text>
            {session.ip ? (
              <Text size="xs" c="dimmed">
                {t("sessions.ip", { ip: session.ip })}
              </Text>
            ) : null}
          </Stack>
        </Group>
        <Button size="xs" variant="default" onClick={onSignOut} loading={pending}>
          {session.current ? t("sessions.signOutCurrent") : t("sessions.signOut")}
        </Button>
      </Group>
    </Paper>
  );
}
