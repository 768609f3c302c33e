import { Alert, Badge, Button, Card, Checkbox, Group, Radio, Stack, Text } from "@mantine/core";
import { IconLock } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { useFieldErrors } from "../../../ui/fieldErrors";
import { Loading } from "../../../ui/Loading";
import { PageHeader } from "../../../ui/PageHeader";
import { COMMUTE_MODES, type CommuteMode, type Factors, useDeclareFactors, useMyFactors } from "../api";

/** Every employee: the own commute and personal factors that weigh towards working from home. */
export default function MyFactorsPage() {
  const { t } = useTranslation("arrangement");
  const q = useMyFactors();
  return (
    <>
      <PageHeader title={t("factors.mine.title")} description={t("factors.mine.description")} />
      <ErrorAlert error={q.error} />
      {q.isPending ? <Loading /> : null}
      {q.data ? <FactorsForm key={q.data.employeeId} factors={q.data} /> : null}
    </>
  );
}

function FactorsForm({ factors }: { factors: Factors }) {
  const { t } = useTranslation("arrangement");
  const declare = useDeclareFactors();
  const errors = useFieldErrors(declare.error);
  const [commute, setCommute] = useState<string>(factors.commute.mode ?? "");
  const [comorbidity, setComorbidity] = useState(factors.sensitive?.comorbidity ?? false);
  const [pregnancy, setPregnancy] = useState(factors.sensitive?.pregnancy ?? false);
  const [caregiving, setCaregiving] = useState(factors.caregiving);
  const c = factors.commute;

  const submit = () =>
    declare.mutate({
      commute: COMMUTE_MODES.find((m) => m === commute) ?? null,
      comorbidity,
      pregnancy,
      caregiving,
    });

  return (
    <Card
      withBorder
      component="form"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
      aria-labelledby="factors-form"
      maw={640}
    >
      <Stack>
        <Text fw={600} id="factors-form">
          {t("factors.mine.formTitle")}
        </Text>
        <Radio.Group label={t("factors.mine.commute")} value={commute} onChange={setCommute} error={errors.commute}>
          <Group wrap="wrap" mt="xs" gap="md">
            <Radio value="" label={t("factors.commute.none")} />
            {COMMUTE_MODES.map((m: CommuteMode) => (
              <Radio key={m} value={m} label={t(`factors.commute.${m}`)} />
            ))}
          </Group>
        </Radio.Group>
        {c.mode ? (
          <Group gap="xs" wrap="wrap">
            <Text size="sm">{t("factors.mine.commuteStatus")}</Text>
            <Badge color={c.verified ? "#1e6b30" : "#8a4b00"} variant="filled">
              {c.verified ? t("factors.verified") : t("factors.unverified")}
            </Badge>
          </Group>
        ) : null}
        <Checkbox label={t("factors.caregiving")} checked={caregiving} onChange={(e) => setCaregiving(e.currentTarget.checked)} />
        <Checkbox label={t("factors.comorbidity")} checked={comorbidity} onChange={(e) => setComorbidity(e.currentTarget.checked)} />
        <Checkbox label={t("factors.pregnancy")} checked={pregnancy} onChange={(e) => setPregnancy(e.currentTarget.checked)} />
        <Alert variant="light" color="blue" icon={<IconLock aria-hidden size={18} />}>
          {t("factors.mine.privacy")}
        </Alert>
        <ErrorAlert error={declare.error} />
        {declare.isSuccess ? <Alert color="green">{t("factors.mine.saved")}</Alert> : null}
        <Button type="submit" loading={declare.isPending} w="fit-content">
          {t("factors.mine.save")}
        </Button>
      </Stack>
    </Card>
  );
}
