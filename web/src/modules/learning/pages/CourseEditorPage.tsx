import { Badge, Button, Group, Modal, Stack, TextInput } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { Loading } from "../../../ui/Loading";
import { PageHeader } from "../../../ui/PageHeader";
import { Section } from "../../../ui/Section";
import { CourseForm } from "../admin/CourseForm";
import { OutlineEditor } from "../admin/OutlineEditor";
import { PreviewModal } from "../admin/PreviewModal";
import { RunsSection } from "../admin/RunsSection";
import { useAdminCourse, useCopyCourse, usePublish } from "../adminApi";
import { STATUS_COLOR } from "./AdminPage";

/** Authoring one course: details, outline, lesson settings, runs; publish, copy, preview. */
export default function CourseEditorPage() {
  const { t } = useTranslation("learning");
  const { id = "" } = useParams();
  const q = useAdminCourse(id);
  const publish = usePublish(id);
  const [preview, previewCtl] = useDisclosure(false);
  const [copying, copyCtl] = useDisclosure(false);
  if (q.isPending) return <Loading />;
  if (!q.data) return <ErrorAlert error={q.error} />;
  const c = q.data;
  const published = c.status === "published";
  return (
    <>
      <PageHeader
        title={c.title}
        description={
          <Badge color={STATUS_COLOR[c.status]} variant="light">
            {t(`courseStatus.${c.status}`)}
          </Badge>
        }
        actions={
          <>
            <Button variant="default" onClick={previewCtl.open}>
              {t("editor.preview")}
            </Button>
            <Button variant="default" onClick={copyCtl.open}>
              {t("editor.copy")}
            </Button>
            <Button color={published ? "red" : "teal"} onClick={() => publish.mutate(!published)} loading={publish.isPending}>
              {published ? t("editor.unpublish") : t("editor.publish")}
            </Button>
          </>
        }
      />
      <Stack>
        <ErrorAlert error={publish.error} />
        <Section title={t("editor.details")}>
          <CourseForm key={c.updatedAt ?? c.id} course={c} />
        </Section>
        <Section title={t("course.outline")}>
          <OutlineEditor course={c} />
        </Section>
        <Section title={t("course.runs")}>
          <RunsSection courseId={c.id} />
        </Section>
      </Stack>
      <PreviewModal courseId={c.id} opened={preview} onClose={previewCtl.close} />
      <Modal opened={copying} onClose={copyCtl.close} title={t("editor.copy")} closeButtonProps={{ "aria-label": t("close") }}>
        <CopyForm courseId={c.id} title={c.title} />
      </Modal>
    </>
  );
}

function CopyForm({ courseId, title: original }: { courseId: string; title: string }) {
  const { t } = useTranslation("learning");
  const copy = useCopyCourse(courseId);
  const navigate = useNavigate();
  const [code, setCode] = useState("");
  const [title, setTitle] = useState(`${original} (2)`);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        copy.mutate({ code: code.trim(), title: title.trim() }, { onSuccess: (c) => void navigate(`/learning/admin/courses/${c.id}`) });
      }}
    >
      <Stack gap="sm">
        <TextInput label={t("editor.code")} value={code} onChange={(e) => setCode(e.currentTarget.value)} required />
        <TextInput label={t("editor.title")} value={title} onChange={(e) => setTitle(e.currentTarget.value)} required />
        <ErrorAlert error={copy.error} />
        <Group>
          <Button type="submit" loading={copy.isPending}>
            {t("editor.copy")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
