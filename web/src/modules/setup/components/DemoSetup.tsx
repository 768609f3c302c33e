import { Button, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { DemoAccounts } from "../../auth/components/DemoAccounts";
import { useLoadDemo, useMarkSetUp } from "../api";

/** Fills an empty installation with the demo agency, then points to the demo accounts. */
export function DemoSetup() {
  const { t } = useTranslation("setup");
  const navigate = useNavigate();
  const load = useLoadDemo();
  const markSetUp = useMarkSetUp();

  const toLogin = () => {
    markSetUp(true);
    void navigate("/login", { replace: true, state: { demoLoaded: true } });
  };

  if (load.isSuccess) {
    return (
      <Stack gap="md">
        <Text size="sm" role="status">
          {t("demo.loaded")}
        </Text>
        <DemoAccounts />
        <Button onClick={toLogin} style={{ alignSelf: "flex-start" }}>
          {t("demo.toLogin")}
        </Button>
      </Stack>
    );
  }
  return (
    <Stack gap="md">
      <Text size="sm">{t("demo.intro")}</Text>
      <Text size="sm">{t("demo.warning")}</Text>
      <ErrorAlert error={load.error} />
      <Button onClick={() => load.mutate()} loading={load.isPending} variant="light" style={{ alignSelf: "flex-start" }}>
        {t("demo.submit")}
      </Button>
    </Stack>
  );
}
