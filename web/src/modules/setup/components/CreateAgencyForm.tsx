import { Button, Fieldset, NativeSelect, PasswordInput, SimpleGrid, Stack, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { type FieldErrors, useFieldErrors } from "../../../ui/fieldErrors";
import { useFormValues } from "../../../ui/useFormValues";
import { useSignIn } from "../../auth/hooks";
import { asLanguage } from "../../auth/language";
import { TIMEZONES, type Timezone, useMarkSetUp, useSetUp } from "../api";

const EMPTY = {
  "agency.code": "",
  "agency.name": "",
  "agency.timezone": "Asia/Jakarta",
  "admin.name": "",
  "admin.nip": "",
  "admin.email": "",
  "admin.password": "",
  confirm: "",
};
type Values = typeof EMPTY;

const REQUIRED: (keyof Values)[] = ["agency.code", "agency.name", "admin.name", "admin.nip", "admin.email", "admin.password"];

function check(v: Values, t: (key: string) => string): FieldErrors {
  const found: FieldErrors = {};
  for (const k of REQUIRED) if (!v[k].trim()) found[k] = t("common:validation.required");
  const nip = v["admin.nip"].replace(/\s+/g, "");
  if (nip && !/^\d{18}$/.test(nip)) found["admin.nip"] = t("common:validation.nipLength");
  if (v["admin.password"] && v.confirm !== v["admin.password"]) found.confirm = t("common:validation.passwordMismatch");
  return found;
}

/** The first agency and its administrator; on success the administrator is signed in. */
export function CreateAgencyForm() {
  const { t, i18n } = useTranslation("setup");
  const navigate = useNavigate();
  const setUp = useSetUp();
  const signIn = useSignIn();
  const markSetUp = useMarkSetUp();
  const form = useFormValues(EMPTY);
  const [local, setLocal] = useState<FieldErrors>({});
  const errors = useFieldErrors(setUp.error, local);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const v = form.values;
    const found = check(v, t);
    setLocal(found);
    if (Object.keys(found).length) return;
    const timezone = TIMEZONES.find((z) => z === v["agency.timezone"]) ?? "Asia/Jakarta";
    try {
      await setUp.mutateAsync({
        agency: { code: v["agency.code"].trim(), name: v["agency.name"].trim(), timezone: timezone satisfies Timezone },
        admin: { name: v["admin.name"].trim(), nip: v["admin.nip"].replace(/\s+/g, ""), email: v["admin.email"].trim(), password: v["admin.password"] },
        locale: asLanguage(i18n.language) ?? "id",
      });
    } catch {
      return;
    }
    try {
      await signIn.mutateAsync({ login: v["admin.email"].trim(), password: v["admin.password"] });
      markSetUp(false);
      await navigate("/", { replace: true });
    } catch {
      markSetUp(false);
      await navigate("/login", { replace: true });
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="lg">
        <ErrorAlert error={setUp.error} />
        <Fieldset legend={t("agency.legend")} p={{ base: "sm", sm: "md" }}>
          <Stack gap="sm">
            <TextInput label={t("agency.name")} error={errors["agency.name"]} {...form.bind("agency.name")} />
            <TextInput label={t("agency.code")} description={t("agency.codeHint")} error={errors["agency.code"]} {...form.bind("agency.code")} />
            <NativeSelect
              label={t("agency.timezone")}
              description={t("agency.timezoneHint")}
              error={errors["agency.timezone"]}
              data={TIMEZONES.map((z) => ({ value: z, label: t(`timezones.${z.replace("Asia/", "")}`) }))}
              {...form.bind("agency.timezone")}
            />
          </Stack>
        </Fieldset>
        <Fieldset legend={t("admin.legend")} p={{ base: "sm", sm: "md" }}>
          <Stack gap="sm">
            <TextInput label={t("admin.name")} autoComplete="name" error={errors["admin.name"]} {...form.bind("admin.name")} />
            <TextInput
              label={t("admin.nip")}
              description={t("admin.nipHint")}
              inputMode="numeric"
              autoComplete="off"
              maxLength={22}
              error={errors["admin.nip"]}
              {...form.bind("admin.nip")}
            />
            <TextInput label={t("admin.email")} type="email" autoComplete="email" error={errors["admin.email"]} {...form.bind("admin.email")} />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <PasswordInput
                label={t("admin.password")}
                description={t("admin.passwordHint")}
                autoComplete="new-password"
                error={errors["admin.password"]}
                {...form.bind("admin.password")}
              />
              <PasswordInput label={t("admin.confirm")} autoComplete="new-password" error={errors.confirm} {...form.bind("confirm")} />
            </SimpleGrid>
          </Stack>
        </Fieldset>
        <Button type="submit" loading={setUp.isPending || signIn.isPending} style={{ alignSelf: "flex-start" }}>
          {t("create.submit")}
        </Button>
      </Stack>
    </form>
  );
}
