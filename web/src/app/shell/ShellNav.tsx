import { NavLink, ScrollArea, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router";
import type { Me } from "../../api/types";
import { activeEntry, navFor } from "../navigation";

interface Props {
  me: Me;
  onNavigate: () => void;
}

/** Home, the modules this person may use, and their profile. */
export function ShellNav({ me, onNavigate }: Props) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const items = navFor(me);
  const current = activeEntry(items, pathname);
  return (
    <ScrollArea type="auto" offsetScrollbars>
      {me.agencyName ? (
        <Text size="xs" c="dimmed" px="sm" pb="xs" hiddenFrom="sm">
          {me.agencyName}
        </Text>
      ) : null}
      <Stack gap={2} component="ul" m={0} p={0} style={{ listStyle: "none" }}>
        {items.map((item) => {
          const Icon = item.icon;
          const active = item === current;
          return (
            <li key={item.to}>
              <NavLink
                component={Link}
                to={item.to}
                label={t(item.labelKey)}
                leftSection={<Icon size={20} stroke={1.6} />}
                active={active}
                aria-current={active ? "page" : undefined}
                onClick={onNavigate}
                variant="light"
              />
            </li>
          );
        })}
      </Stack>
    </ScrollArea>
  );
}
