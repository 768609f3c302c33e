import { Avatar, Menu, Text, UnstyledButton } from "@mantine/core";
import { IconLogout, IconUserCircle } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Me } from "../../api/types";
import { useSignOut } from "../../modules/auth/hooks";

function initials(name: string): string {
  const words = name.split(/\s+/).filter((w) => /^\p{L}/u.test(w));
  return words
    .slice(0, 2)
    .map((w) => w[0].toUpperCase())
    .join("");
}

/** The person's avatar (and name on wider screens) opening profile and sign-out. */
export function UserMenu({ me }: { me: Me }) {
  const { t } = useTranslation();
  const signOut = useSignOut();
  return (
    <Menu position="bottom-end" width={240} withinPortal>
      <Menu.Target>
        <UnstyledButton aria-label={t("common:user.menu", { name: me.displayName })} style={{ display: "flex", alignItems: "center", gap: 8, minWidth: 0 }}>
          <Avatar color="abdi" radius="xl" size={34}>
            {initials(me.displayName)}
          </Avatar>
          <Text size="sm" fw={500} visibleFrom="md" truncate maw={180}>
            {me.displayName}
          </Text>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text size="sm" fw={600} c="var(--mantine-color-text)">
            {me.displayName}
          </Text>
          {me.agencyName ? <Text size="xs">{me.agencyName}</Text> : null}
        </Menu.Label>
        <Menu.Item component={Link} to="/profile" leftSection={<IconUserCircle size={18} aria-hidden />}>
          {t("common:user.profile")}
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item leftSection={<IconLogout size={18} aria-hidden />} onClick={() => signOut.mutate()}>
          {t("common:user.signOut")}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
