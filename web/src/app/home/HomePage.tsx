import { Paper, Stack, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useMe } from "../../modules/auth/hooks";
import { Loading } from "../../ui/Loading";
import { PageHeader } from "../../ui/PageHeader";
import { ActionCards } from "./ActionCards";
import { partOfDay } from "./greeting";
import { RoleBadges } from "./RoleBadges";

export function HomePage() {
  const { t } = useTranslation();
  const me = useMe().data;
  if (!me) return <Loading />;
  const greeting = t(`common:home.greeting.${partOfDay(new Date().getHours())}`, { name: me.displayName });
  return (
    <>
      <PageHeader title={greeting} description={me.agencyName ?? undefined} documentTitle={t("common:home.title")} />
      <Stack gap="lg">
        <Paper withBorder radius="md" p="md">
          <RoleBadges me={me} />
        </Paper>
        <section aria-labelledby="home-actions">
          <Title order={2} size="h4" mb="sm" id="home-actions">
            {t("common:home.actions")}
          </Title>
          <ActionCards me={me} />
        </section>
      </Stack>
    </>
  );
}
