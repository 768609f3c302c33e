import { notifications } from "@mantine/notifications";
import { useTranslation } from "react-i18next";
import { Section } from "../../../ui/Section";
import { ChangePasswordForm } from "../../auth/components/ChangePasswordForm";

export function PasswordSection() {
  const { t } = useTranslation("profile");
  return (
    <Section title={t("password.title")} description={t("password.description")}>
      <ChangePasswordForm onDone={() => notifications.show({ color: "green", title: t("password.title"), message: t("auth:password.changed") })} />
    </Section>
  );
}
