import { Box, Button, Drawer, Grid, Group, Paper, Stack, Text } from "@mantine/core";
import { useDisclosure, useMediaQuery } from "@mantine/hooks";
import { IconChevronLeft, IconChevronRight, IconListDetails } from "@tabler/icons-react";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { Loading } from "../../../ui/Loading";
import { PageHeader } from "../../../ui/PageHeader";
import { useOutline } from "../api";
import { CertificateNotice } from "../components/CertificateNotice";
import { flatLessons, PlayerOutline } from "../components/PlayerOutline";
import { SaveOffline } from "../components/SaveOffline";
import { LessonView } from "../lessons/LessonView";

/** The course player: the outline (a drawer on phones) and the current lesson. */
export default function PlayerPage() {
  const { t } = useTranslation("learning");
  const { id = "", lessonId } = useParams();
  const navigate = useNavigate();
  const wide = useMediaQuery("(min-width: 62em)");
  const [drawer, { open, close }] = useDisclosure(false);
  const q = useOutline(id);
  const lessons = q.data ? flatLessons(q.data) : [];
  const firstOpen = lessons.find((l) => !l.locked && l.status !== "completed") ?? lessons.find((l) => !l.locked);
  useEffect(() => {
    if (!lessonId && firstOpen) void navigate(`/learning/enrolments/${id}/lessons/${firstOpen.id}`, { replace: true });
  }, [lessonId, firstOpen, id, navigate]);
  if (q.isPending) return <Loading />;
  if (!q.data) return <ErrorAlert error={q.error} />;
  const outline = q.data;
  const index = lessons.findIndex((l) => l.id === lessonId);
  const prev = index > 0 ? lessons[index - 1] : null;
  const next = index >= 0 && index < lessons.length - 1 ? lessons[index + 1] : null;
  const nav = <PlayerOutline outline={outline} current={lessonId} onNavigate={close} />;
  return (
    <>
      <PageHeader
        title={outline.course.title}
        actions={
          wide ? null : (
            <Button variant="default" leftSection={<IconListDetails size={16} aria-hidden />} onClick={open}>
              {t("player.outline")}
            </Button>
          )
        }
      />
      <Drawer opened={drawer && !wide} onClose={close} title={t("player.outline")} closeButtonProps={{ "aria-label": t("player.closeOutline") }}>
        {nav}
      </Drawer>
      <Grid gutter="md">
        {wide ? (
          <Grid.Col span={4}>
            <Paper withBorder p="sm" radius="md">
              {nav}
            </Paper>
          </Grid.Col>
        ) : null}
        <Grid.Col span={wide ? 8 : 12}>
          <Stack>
            {outline.certificate ? <CertificateNotice certificate={outline.certificate} /> : null}
            {lessonId ? <LessonView key={lessonId} enrolmentId={id} lessonId={lessonId} /> : <Text c="dimmed">{t("player.empty")}</Text>}
            <Group justify="space-between" wrap="nowrap">
              {prev ? (
                <Button
                  variant="default"
                  component={Link}
                  to={`/learning/enrolments/${id}/lessons/${prev.id}`}
                  leftSection={<IconChevronLeft size={16} aria-hidden />}
                  disabled={prev.locked}
                >
                  {t("player.prev")}
                </Button>
              ) : (
                <Box />
              )}
              {next && !next.locked ? (
                <Button
                  variant="default"
                  component={Link}
                  to={`/learning/enrolments/${id}/lessons/${next.id}`}
                  rightSection={<IconChevronRight size={16} aria-hidden />}
                >
                  {t("player.next")}
                </Button>
              ) : null}
            </Group>
            <SaveOffline enrolmentId={id} outline={outline} />
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}
