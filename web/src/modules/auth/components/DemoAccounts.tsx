import { Alert, Button, Code, Group, Stack, Text } from "@mantine/core";
import { IconInfoCircle } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../demoAccounts";

interface Props {
  /** When given, each account gets a button that fills the sign-in form with it. */
  onPick?: (email: string, password: string) => void;
}

/** The demo accounts, their roles and the shared password. */
export function DemoAccounts({ onPick }: Props) {
  const { t } = useTranslation("auth");
  return (
    <Alert variant="light" color="abdi" icon={<IconInfoCircle aria-hidden />} title={t("demo.title")}>
      <Text size="sm" mb="xs">
        {t("demo.intro")} <Code style={{ whiteSpace: "nowrap" }}>{DEMO_PASSWORD}</Code>
      </Text>
      <Stack gap={6} component="ul" m={0} p={0} style={{ listStyle: "none" }}>
        {DEMO_ACCOUNTS.map((a) => (
          <Group key={a.email} component="li" justify="space-between" gap="xs" wrap="nowrap">
            <div style={{ minWidth: 0 }}>
              <Text size="sm" fw={600}>
                {t(`common:roles.${a.role}`)}
              </Text>
              <Text size="xs" style={{ overflowWrap: "anywhere" }}>
                {a.email}
              </Text>
            </div>
            {onPick ? (
              <Button size="compact-xs" variant="default" onClick={() => onPick(a.email, DEMO_PASSWORD)} aria-label={t("demo.useAria", { email: a.email })}>
                {t("demo.use")}
              </Button>
            ) : null}
          </Group>
        ))}
      </Stack>
    </Alert>
  );
}
