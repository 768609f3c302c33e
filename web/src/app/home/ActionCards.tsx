import { Card, Group, SimpleGrid, Text, ThemeIcon } from "@mantine/core";
import { IconEye, IconUserCircle } from "@tabler/icons-react";
import type { ComponentType } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Me } from "../../api/types";
import { moduleNavFor } from "../navigation";

interface Action {
  to: string;
  label: string;
  description?: string;
  icon: ComponentType<{ size?: number | string; stroke?: number }>;
}

function ActionCard({ action }: { action: Action }) {
  const Icon = action.icon;
  return (
    <Card component={Link} to={action.to} withBorder radius="md" padding="md" style={{ minWidth: 0 }}>
      <Group wrap="nowrap" align="flex-start" gap="sm">
        <ThemeIcon variant="light" size={40} radius="md" aria-hidden>
          <Icon size={22} stroke={1.6} />
        </ThemeIcon>
        <div style={{ minWidth: 0 }}>
          <Text fw={600}>{action.label}</Text>
          {action.description ? (
            <Text size="sm" c="dimmed">
              {action.description}
            </Text>
          ) : null}
        </div>
      </Group>
    </Card>
  );
}

/** Cards for what this person can do: the modules open to them, then their own profile and data. */
export function ActionCards({ me }: { me: Me }) {
  const { t } = useTranslation();
  const actions: Action[] = [
    ...moduleNavFor(me).map((item) => ({ to: item.to, label: t(item.labelKey), icon: item.icon })),
    { to: "/profile", label: t("common:home.profile"), description: t("common:home.profileHint"), icon: IconUserCircle },
    { to: "/profile#data-access", label: t("common:home.access"), description: t("common:home.accessHint"), icon: IconEye },
  ];
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="md">
      {actions.map((a) => (
        <ActionCard key={a.to} action={a} />
      ))}
    </SimpleGrid>
  );
}
