import { Button, PasswordInput, Stack } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { useFieldErrors } from "../../../ui/fieldErrors";
import { useFormValues } from "../../../ui/useFormValues";
import { useChangePassword } from "../hooks";

const EMPTY = { currentPassword: "", newPassword: "", confirm: "" };

/** Current password, new password twice; the server's verdict is shown per field. */
export function ChangePasswordForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation("auth");
  const change = useChangePassword();
  const form = useFormValues(EMPTY);
  const [local, setLocal] = useState<Record<string, string>>({});
  const errors = useFieldErrors(change.error, local);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const v = form.values;
    const found: Record<string, string> = {};
    if (!v.currentPassword) found.currentPassword = t("common:validation.required");
    if (!v.newPassword) found.newPassword = t("common:validation.required");
    if (v.newPassword && v.confirm !== v.newPassword) found.confirm = t("common:validation.passwordMismatch");
    setLocal(found);
    if (Object.keys(found).length) return;
    change.mutate(
      { currentPassword: v.currentPassword, newPassword: v.newPassword },
      {
        onSuccess: () => {
          form.reset();
          onDone();
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <ErrorAlert error={change.error} />
        <PasswordInput label={t("password.current")} autoComplete="current-password" error={errors.currentPassword} {...form.bind("currentPassword")} />
        <PasswordInput
          label={t("password.new")}
          description={t("password.rules")}
          autoComplete="new-password"
          error={errors.newPassword}
          {...form.bind("newPassword")}
        />
        <PasswordInput label={t("password.confirm")} autoComplete="new-password" error={errors.confirm} {...form.bind("confirm")} />
        <Button type="submit" loading={change.isPending} style={{ alignSelf: "flex-start" }}>
          {t("password.submit")}
        </Button>
      </Stack>
    </form>
  );
}
