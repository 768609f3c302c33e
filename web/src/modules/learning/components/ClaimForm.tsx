import { Button, FileInput, NumberInput, SimpleGrid, Stack, TextInput } from "@mantine/core";
import { IconUpload } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { useFieldErrors } from "../../../ui/fieldErrors";
import { useFormValues } from "../../../ui/useFormValues";
import { useCreateClaim } from "../jpApi";

/** An external training claim with its evidence file (certificate, attendance letter). */
export function ClaimForm() {
  const { t } = useTranslation("learning");
  const form = useFormValues({ title: "", provider: "", startedOn: "", endedOn: "" });
  const [jp, setJp] = useState<number | "">("");
  const [evidence, setEvidence] = useState<File | null>(null);
  const [local, setLocal] = useState<Record<string, string>>({});
  const create = useCreateClaim();
  const errors = useFieldErrors(create.error, local);
  const submit = () => {
    const v = form.values;
    const missing: Record<string, string> = {};
    for (const k of ["title", "provider", "startedOn", "endedOn"] as const) if (!v[k].trim()) missing[k] = t("claims.required");
    if (jp === "" || jp <= 0) missing.jp = t("claims.required");
    if (!evidence) missing.evidence = t("claims.evidenceRequired");
    if (v.startedOn && v.endedOn && v.endedOn < v.startedOn) missing.endedOn = t("claims.endBeforeStart");
    setLocal(missing);
    if (Object.keys(missing).length || !evidence || jp === "") return;
    create.mutate(
      { title: v.title.trim(), provider: v.provider.trim(), jp, startedOn: v.startedOn, endedOn: v.endedOn, evidence },
      {
        onSuccess: () => {
          form.reset();
          setJp("");
          setEvidence(null);
        },
      },
    );
  };
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
      noValidate
    >
      <Stack gap="sm">
        <TextInput label={t("claims.title")} {...form.bind("title")} error={errors.title} required />
        <TextInput label={t("claims.provider")} {...form.bind("provider")} error={errors.provider} required />
        <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
          <TextInput type="date" label={t("claims.startedOn")} {...form.bind("startedOn")} error={errors.startedOn} required />
          <TextInput type="date" label={t("claims.endedOn")} {...form.bind("endedOn")} error={errors.endedOn} required />
          <NumberInput label={t("claims.jp")} min={1} max={200} value={jp} onChange={(v) => setJp(typeof v === "number" ? v : "")} error={errors.jp} required />
        </SimpleGrid>
        <FileInput
          label={t("claims.evidence")}
          description={t("claims.evidenceHint")}
          accept="application/pdf,image/png,image/jpeg"
          value={evidence}
          onChange={setEvidence}
          leftSection={<IconUpload size={16} aria-hidden />}
          error={errors.evidence}
          clearable
          required
        />
        <ErrorAlert error={Object.keys(errors).length ? null : create.error} />
        {create.isSuccess ? <div role="status">{t("claims.sent")}</div> : null}
        <Button type="submit" loading={create.isPending} style={{ alignSelf: "flex-start" }}>
          {t("claims.submit")}
        </Button>
      </Stack>
    </form>
  );
}
