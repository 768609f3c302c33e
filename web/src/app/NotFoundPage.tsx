import { Button, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { PageHeader } from "../ui/PageHeader";

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Stack gap="sm" align="flex-start">
      <PageHeader title={t("common:notFound.title")} />
      <Text>{t("common:notFound.body")}</Text>
      <Button component={Link} to="/" variant="default">
        {t("common:notFound.home")}
      </Button>
    </Stack>
  );
}
