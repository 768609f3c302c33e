import { ActionIcon, Button, Checkbox, Group, NumberInput, Select, SimpleGrid, Stack, Title } from "@mantine/core";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../../api/client";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { useBanks, useQuizSettings, useSaveQuizSettings } from "../adminApi";
import type { QuizSettings } from "../adminTypes";

const DEFAULTS: QuizSettings = {
  draws: [],
  shuffleQuestions: true,
  shuffleOptions: true,
  maxAttempts: 3,
  timeLimitMinutes: null,
  passingScore: 70,
  review: "answers",
};

/** Which banks a quiz draws from, and its attempts, time limit, passing score and review. */
export function QuizSettingsForm({ lessonId }: { lessonId: string }) {
  const { t } = useTranslation("learning");
  const q = useQuizSettings(lessonId);
  const banks = useBanks().data ?? [];
  const save = useSaveQuizSettings(lessonId);
  const [s, setS] = useState<QuizSettings>(DEFAULTS);
  useEffect(() => {
    if (q.data) setS(q.data);
  }, [q.data]);
  const missing = q.error instanceof ApiError && q.error.status === 404;
  const num = (v: string | number) => (typeof v === "number" ? v : null);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({
          draws: s.draws.filter((d) => d.bankId),
          shuffleQuestions: s.shuffleQuestions,
          shuffleOptions: s.shuffleOptions,
          maxAttempts: s.maxAttempts,
          timeLimitMinutes: s.timeLimitMinutes,
          passingScore: s.passingScore,
          review: s.review,
        });
      }}
    >
      <Stack gap="sm">
        <Title order={3} size="h5">
          {t("quizSettings.title")}
        </Title>
        {s.draws.map((d, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a draw has no identity of its own until saved
          <Group key={i} align="flex-end" gap="xs" wrap="nowrap">
            <Select
              label={t("quizSettings.bank")}
              data={banks.map((b) => ({ value: b.id, label: b.title }))}
              value={d.bankId || null}
              onChange={(v) => setS({ ...s, draws: s.draws.map((x, j) => (j === i ? { ...x, bankId: v ?? "" } : x)) })}
              style={{ flex: 1 }}
            />
            <NumberInput
              label={t("quizSettings.count")}
              min={1}
              value={d.count}
              onChange={(v) => setS({ ...s, draws: s.draws.map((x, j) => (j === i ? { ...x, count: num(v) ?? 1 } : x)) })}
              w={90}
            />
            <ActionIcon
              variant="default"
              size="lg"
              onClick={() => setS({ ...s, draws: s.draws.filter((_, j) => j !== i) })}
              aria-label={t("quizSettings.removeDraw")}
            >
              <IconTrash size={16} aria-hidden />
            </ActionIcon>
          </Group>
        ))}
        <Button
          variant="subtle"
          leftSection={<IconPlus size={16} aria-hidden />}
          onClick={() => setS({ ...s, draws: [...s.draws, { bankId: "", count: 5 }] })}
          style={{ alignSelf: "flex-start" }}
        >
          {t("quizSettings.addDraw")}
        </Button>
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <NumberInput
            label={t("quizSettings.maxAttempts")}
            description={t("quizSettings.emptyUnlimited")}
            min={1}
            value={s.maxAttempts ?? ""}
            onChange={(v) => setS({ ...s, maxAttempts: num(v) })}
          />
          <NumberInput
            label={t("quizSettings.timeLimit")}
            description={t("quizSettings.emptyNoLimit")}
            min={1}
            value={s.timeLimitMinutes ?? ""}
            onChange={(v) => setS({ ...s, timeLimitMinutes: num(v) })}
          />
          <NumberInput label={t("quiz.passingScore")} min={0} max={100} value={s.passingScore} onChange={(v) => setS({ ...s, passingScore: num(v) ?? 0 })} />
          <Select
            label={t("quizSettings.review")}
            data={(["none", "score", "answers"] as const).map((r) => ({ value: r, label: t(`quizSettings.reviewOptions.${r}`) }))}
            value={s.review}
            onChange={(v) => setS({ ...s, review: v === "none" || v === "score" ? v : "answers" })}
            allowDeselect={false}
          />
        </SimpleGrid>
        <Checkbox
          label={t("quizSettings.shuffleQuestions")}
          checked={s.shuffleQuestions}
          onChange={(e) => setS({ ...s, shuffleQuestions: e.currentTarget.checked })}
        />
        <Checkbox
          label={t("quizSettings.shuffleOptions")}
          checked={s.shuffleOptions}
          onChange={(e) => setS({ ...s, shuffleOptions: e.currentTarget.checked })}
        />
        <ErrorAlert error={missing ? null : (q.error ?? save.error)} />
        <Button type="submit" loading={save.isPending} style={{ alignSelf: "flex-start" }}>
          {t("quizSettings.save")}
        </Button>
      </Stack>
    </form>
  );
}
