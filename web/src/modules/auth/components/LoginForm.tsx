import { Button, PasswordInput, Stack, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { useFieldErrors } from "../../../ui/fieldErrors";
import { useFormValues } from "../../../ui/useFormValues";
import { useSignIn } from "../hooks";

interface Props {
  /** Starting values, e.g. a picked demo account (give the form a new key to refill it). */
  initial?: { login: string; password: string };
}

export function LoginForm({ initial }: Props) {
  const { t } = useTranslation("auth");
  const signIn = useSignIn();
  const form = useFormValues(initial ?? { login: "", password: "" });
  const [missing, setMissing] = useState<Record<string, string>>({});
  const errors = useFieldErrors(signIn.error, missing);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const local: Record<string, string> = {};
    if (!form.values.login.trim()) local.login = t("common:validation.required");
    if (!form.values.password) local.password = t("common:validation.required");
    setMissing(local);
    if (Object.keys(local).length) return;
    signIn.mutate({ login: form.values.login.trim(), password: form.values.password });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <ErrorAlert error={signIn.error} />
        <TextInput
          label={t("login.login")}
          description={t("login.loginHint")}
          autoComplete="username"
          inputMode="email"
          autoCapitalize="none"
          spellCheck={false}
          error={errors.login}
          {...form.bind("login")}
        />
        <PasswordInput label={t("login.password")} autoComplete="current-password" error={errors.password} {...form.bind("password")} />
        <Button type="submit" loading={signIn.isPending} fullWidth>
          {t("login.submit")}
        </Button>
      </Stack>
    </form>
  );
}
