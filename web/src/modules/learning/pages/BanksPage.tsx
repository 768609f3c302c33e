import { ActionIcon, Badge, Button, Card, Group, Select, Stack, Text, TextInput } from "@mantine/core";
import { IconTrash } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { Loading } from "../../../ui/Loading";
import { PageHeader } from "../../../ui/PageHeader";
import { Section } from "../../../ui/Section";
import { QuestionForm } from "../admin/QuestionForm";
import { useBanks, useCreateBank, useDeleteQuestion, useQuestions } from "../adminApi";

/** Question banks that quizzes draw from. */
export default function BanksPage() {
  const { t } = useTranslation("learning");
  const banks = useBanks();
  const create = useCreateBank();
  const [title, setTitle] = useState("");
  const [bankId, setBankId] = useState<string | null>(null);
  const current = bankId ?? banks.data?.[0]?.id ?? null;
  return (
    <>
      <PageHeader title={t("banks.title")} />
      <Stack>
        <ErrorAlert error={banks.error} />
        {banks.isPending ? <Loading /> : null}
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (title.trim())
              create.mutate(
                { title: title.trim(), description: "" },
                {
                  onSuccess: (b) => {
                    setTitle("");
                    setBankId(b.id);
                  },
                },
              );
          }}
        >
          <Group align="flex-end" gap="xs">
            <TextInput label={t("banks.new")} value={title} onChange={(e) => setTitle(e.currentTarget.value)} style={{ flex: 1 }} />
            <Button type="submit" loading={create.isPending}>
              {t("banks.create")}
            </Button>
          </Group>
          <ErrorAlert error={create.error} />
        </form>
        {banks.data?.length ? (
          <Select
            label={t("banks.pick")}
            data={banks.data.map((b) => ({ value: b.id, label: `${b.title} (${b.questionCount ?? 0})` }))}
            value={current}
            onChange={setBankId}
            allowDeselect={false}
          />
        ) : null}
        {current ? <BankQuestions bankId={current} /> : null}
      </Stack>
    </>
  );
}

function BankQuestions({ bankId }: { bankId: string }) {
  const { t } = useTranslation("learning");
  const q = useQuestions(bankId);
  const remove = useDeleteQuestion(bankId);
  return (
    <>
      <Section title={t("banks.questions")}>
        <ErrorAlert error={q.error ?? remove.error} />
        {q.isPending ? <Loading /> : null}
        {q.data?.length === 0 ? <Text c="dimmed">{t("banks.noQuestions")}</Text> : null}
        <Stack gap="xs" component="ol" p={0} m={0} style={{ listStyle: "none" }}>
          {(q.data ?? []).map((x) => (
            <Card key={x.id} withBorder component="li" padding="xs">
              <Group justify="space-between" wrap="nowrap" gap="xs">
                <div style={{ minWidth: 0 }}>
                  <Text size="sm" style={{ overflowWrap: "anywhere" }}>
                    {x.prompt}
                  </Text>
                  <Badge size="xs" variant="default">
                    {t(`questionType.${x.type ?? x.kind}`)}
                  </Badge>
                </div>
                <ActionIcon variant="default" color="red" onClick={() => remove.mutate(x.id)} aria-label={t("editor.delete", { item: x.prompt })}>
                  <IconTrash size={16} aria-hidden />
                </ActionIcon>
              </Group>
            </Card>
          ))}
        </Stack>
      </Section>
      <Section title={t("banks.addQuestion")}>
        <QuestionForm bankId={bankId} />
      </Section>
    </>
  );
}
