import { Burger, Group, Text, UnstyledButton } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Me } from "../../api/types";
import { LanguageControl } from "../../modules/auth/components/LanguageControl";
import { NotificationBell } from "../../modules/notifications/NotificationBell";
import { UserMenu } from "./UserMenu";

interface Props {
  me: Me;
  navOpened: boolean;
  onToggleNav: () => void;
}

/** Burger (phones), app and agency name, language switch and the user menu. */
export function ShellHeader({ me, navOpened, onToggleNav }: Props) {
  const { t } = useTranslation();
  return (
    <Group h="100%" px={{ base: "xs", sm: "md" }} justify="space-between" wrap="nowrap" gap="xs">
      <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
        <Burger
          opened={navOpened}
          onClick={onToggleNav}
          hiddenFrom="sm"
          size="sm"
          aria-label={navOpened ? t("common:nav.close") : t("common:nav.open")}
          aria-expanded={navOpened}
        />
        <UnstyledButton component={Link} to="/" style={{ minWidth: 0 }}>
          <Text fw={700} size="lg" c="abdi.9" lh={1.1}>
            {t("common:appName")}
          </Text>
        </UnstyledButton>
        {me.agencyName ? (
          <Text size="sm" c="dimmed" truncate visibleFrom="sm" maw={320}>
            {me.agencyName}
          </Text>
        ) : null}
      </Group>
      <Group gap="xs" wrap="nowrap">
        <LanguageControl />
        <NotificationBell />
        <UserMenu me={me} />
      </Group>
    </Group>
  );
}
