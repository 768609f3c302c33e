import { Badge, Group, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Me } from "../../api/types";
import { rolesOf } from "../roles";

/** The person's roles in plain words. */
export function RoleBadges({ me }: { me: Me }) {
  const { t } = useTranslation();
  const roles = rolesOf(me);
  return (
    <div>
      <Text size="sm" fw={600} mb={6} id="home-roles">
        {t("common:roles.title")}
      </Text>
      <Group gap="xs" component="ul" m={0} p={0} style={{ listStyle: "none" }} aria-labelledby="home-roles">
        {roles.map((r) => (
          <Badge key={r} component="li" variant="light" size="lg" radius="sm" tt="none">
            {t(`common:roles.${r}`)}
          </Badge>
        ))}
      </Group>
    </div>
  );
}
