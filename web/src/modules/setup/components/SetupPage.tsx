import { Tabs, Text } from "@mantine/core";
import { IconBuildingCommunity, IconFlask } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { PublicFrame, PublicTitle } from "../../../ui/PublicFrame";
import { usePageTitle } from "../../../ui/usePageTitle";
import { LanguageControl } from "../../auth/components/LanguageControl";
import { CreateAgencyForm } from "./CreateAgencyForm";
import { DemoSetup } from "./DemoSetup";

/** First run on an empty installation: create the first agency, or load the demo. */
export function SetupPage() {
  const { t } = useTranslation("setup");
  usePageTitle(t("title"));
  return (
    <PublicFrame corner={<LanguageControl />} width={720}>
      <PublicTitle>{t("title")}</PublicTitle>
      <Text size="sm" mb="lg">
        {t("intro")}
      </Text>
      <Tabs defaultValue="create" keepMounted={false}>
        <Tabs.List grow mb="lg">
          <Tabs.Tab value="create" leftSection={<IconBuildingCommunity size={16} aria-hidden />}>
            {t("create.tab")}
          </Tabs.Tab>
          <Tabs.Tab value="demo" leftSection={<IconFlask size={16} aria-hidden />}>
            {t("demo.tab")}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="create">
          <CreateAgencyForm />
        </Tabs.Panel>
        <Tabs.Panel value="demo">
          <DemoSetup />
        </Tabs.Panel>
      </Tabs>
    </PublicFrame>
  );
}
