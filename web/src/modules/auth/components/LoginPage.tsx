import { Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocation } from "react-router";
import { PublicFrame, PublicTitle } from "../../../ui/PublicFrame";
import { usePageTitle } from "../../../ui/usePageTitle";
import { useSetupStatus } from "../../setup/api";
import { DemoAccounts } from "./DemoAccounts";
import { LanguageControl } from "./LanguageControl";
import { LoginForm } from "./LoginForm";

function cameFromDemoSetup(state: unknown): boolean {
  return typeof state === "object" && state !== null && "demoLoaded" in state && state.demoLoaded === true;
}

export function LoginPage() {
  const { t } = useTranslation("auth");
  const location = useLocation();
  const status = useSetupStatus();
  const [preset, setPreset] = useState<{ login: string; password: string }>();
  usePageTitle(t("login.title"));
  const showDemo = Boolean(status.data?.demoMode) || cameFromDemoSetup(location.state);

  return (
    <PublicFrame corner={<LanguageControl />}>
      <PublicTitle>{t("login.title")}</PublicTitle>
      <Text size="sm" c="dimmed" mb="lg">
        {t("login.intro")}
      </Text>
      <Stack gap="xl">
        <LoginForm key={preset?.login ?? ""} initial={preset} />
        {showDemo ? <DemoAccounts onPick={(login, password) => setPreset({ login, password })} /> : null}
      </Stack>
    </PublicFrame>
  );
}
