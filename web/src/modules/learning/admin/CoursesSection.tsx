import { Anchor, Badge, Button, Card, Group, Modal, NumberInput, Stack, Text, TextInput } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconPlus } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { useFieldErrors } from "../../../ui/fieldErrors";
import { Loading } from "../../../ui/Loading";
import { useFormValues } from "../../../ui/useFormValues";
import { useAdminCourses, useCreateCourse } from "../adminApi";

export const STATUS_COLOR = { draft: "gray", published: "green", archived: "dark" } as const;

/** Learning admins: every course of the agency, drafts included, and a new one. */
export function CoursesSection() {
  const { t } = useTranslation("learning");
  const q = useAdminCourses();
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <Stack gap="sm">
      <Group justify="flex-end">
        <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={open}>
          {t("admin.newCourse")}
        </Button>
      </Group>
      <ErrorAlert error={q.error} />
      {q.isPending ? <Loading /> : null}
      {q.data?.length === 0 ? <Text c="dimmed">{t("admin.none")}</Text> : null}
      <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: "none" }} aria-label={t("admin.courses")}>
        {(q.data ?? []).map((c) => (
          <Card key={c.id} withBorder component="li" padding="sm">
            <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
              <Anchor component={Link} to={`/learning/admin/courses/${c.id}`} fw={600} style={{ overflowWrap: "anywhere" }}>
                {c.title}
              </Anchor>
              <Badge color={STATUS_COLOR[c.status]} variant="dot" style={{ flexShrink: 0 }}>
                {t(`courseStatus.${c.status}`)}
              </Badge>
            </Group>
            <Text size="sm" c="dimmed">
              {c.code} · {t("jpBadge", { count: c.jp })}
            </Text>
          </Card>
        ))}
      </Stack>
      <Modal opened={opened} onClose={close} title={t("admin.newCourse")} closeButtonProps={{ "aria-label": t("close") }}>
        <NewCourseForm onDone={close} />
      </Modal>
    </Stack>
  );
}

function NewCourseForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation("learning");
  const form = useFormValues({ code: "", title: "" });
  const [jp, setJp] = useState<number | "">(2);
  const create = useCreateCourse();
  const navigate = useNavigate();
  const errors = useFieldErrors(create.error);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        create.mutate(
          {
            code: form.values.code.trim(),
            title: form.values.title.trim(),
            summary: "",
            topic: null,
            competency: null,
            language: "id",
            jp: jp === "" ? 0 : jp,
            completionRule: { requireAllLessons: true, requireQuizzesPassed: true, minScore: null },
            prerequisiteIds: [],
          },
          {
            onSuccess: (c) => {
              onDone();
              void navigate(`/learning/admin/courses/${c.id}`);
            },
          },
        );
      }}
    >
      <Stack gap="sm">
        <TextInput label={t("editor.code")} description={t("editor.codeHint")} {...form.bind("code")} error={errors.code} required />
        <TextInput label={t("editor.title")} {...form.bind("title")} error={errors.title} required />
        <NumberInput label={t("course.jp")} min={0} max={200} value={jp} onChange={(v) => setJp(typeof v === "number" ? v : "")} error={errors.jp} />
        <ErrorAlert error={Object.keys(errors).length ? null : create.error} />
        <Button type="submit" loading={create.isPending}>
          {t("admin.create")}
        </Button>
      </Stack>
    </form>
  );
}
