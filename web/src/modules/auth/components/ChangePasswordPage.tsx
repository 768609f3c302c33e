import { Button, Group, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useTranslation } from "react-i18next";
import { PublicFrame, PublicTitle } from "../../../ui/PublicFrame";
import { usePageTitle } from "../../../ui/usePageTitle";
import { useSignOut } from "../hooks";
import { ChangePasswordForm } from "./ChangePasswordForm";
import { LanguageControl } from "./LanguageControl";

/** Shown instead of everything else while the account must get a new password. */
export function ChangePasswordPage() {
  const { t } = useTranslation("auth");
  const signOut = useSignOut();
  usePageTitle(t("password.forcedTitle"));
  return (
    <PublicFrame corner={<LanguageControl />}>
      <PublicTitle>{t("password.forcedTitle")}</PublicTitle>
      <Text size="sm" mb="lg">
        {t("password.forcedIntro")}
      </Text>
      <ChangePasswordForm onDone={() => notifications.show({ color: "green", message: t("password.changed") })} />
      <Group justify="flex-end" mt="lg">
        <Button variant="subtle" color="gray" onClick={() => signOut.mutate()} loading={signOut.isPending}>
          {t("common:user.signOut")}
        </Button>
      </Group>
    </PublicFrame>
  );
}
