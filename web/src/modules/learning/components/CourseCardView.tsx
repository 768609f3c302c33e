import { Badge, Card, Group, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { CourseCard } from "../types";
import { LessonIcon } from "./LessonIcon";

/** A course in the catalog: title as the link, summary, JP badge and formats. */
export function CourseCardView({ course }: { course: CourseCard }) {
  const { t } = useTranslation("learning");
  return (
    <Card withBorder component="li" padding="sm" radius="md">
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
        <Text fw={600} component={Link} to={`/learning/courses/${course.id}`} c="abdi.8" style={{ overflowWrap: "anywhere" }}>
          {course.title}
        </Text>
        <Badge variant="filled" color="abdi" style={{ flexShrink: 0 }}>
          {t("jpBadge", { count: course.jp })}
        </Badge>
      </Group>
      {course.summary ? (
        <Text size="sm" c="dimmed" mt={4} lineClamp={3}>
          {course.summary}
        </Text>
      ) : null}
      <Group gap={6} mt="xs">
        {course.topic ? (
          <Badge variant="light" color="gray" size="sm">
            {course.topic}
          </Badge>
        ) : null}
        {course.competency ? (
          <Badge variant="outline" color="gray" size="sm">
            {course.competency}
          </Badge>
        ) : null}
        {(course.formats ?? []).map((f) => (
          <Badge key={f} variant="default" size="sm" leftSection={<LessonIcon kind={f} size={12} />}>
            {t(`kind.${f}`)}
          </Badge>
        ))}
      </Group>
    </Card>
  );
}
