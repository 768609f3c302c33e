import { Button, Center, Group, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { isRouteErrorResponse, Link, useRouteError } from "react-router";
import { NotFoundPage } from "./NotFoundPage";

/** Shown when a page throws while rendering: no stack trace, a way out. */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  return (
    <Center py="xl" px="md">
      <Stack maw={480} gap="sm">
        <Title order={1} size="h2">
          {t("common:routeError.title")}
        </Title>
        <Text>{t("common:routeError.body")}</Text>
        <Group>
          <Button onClick={() => window.location.reload()}>{t("common:routeError.reload")}</Button>
          <Button component={Link} to="/" variant="default" reloadDocument>
            {t("common:routeError.home")}
          </Button>
        </Group>
      </Stack>
    </Center>
  );
}
