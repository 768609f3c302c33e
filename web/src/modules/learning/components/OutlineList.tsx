import { Badge, Group, List, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { OutlineModule } from "../types";
import { LessonIcon } from "./LessonIcon";

/** Modules and their lessons with format icons (the course page, the author's preview). */
export function OutlineList({ modules }: { modules: OutlineModule[] }) {
  const { t } = useTranslation("learning");
  if (modules.length === 0) return <Text c="dimmed">{t("course.noLessons")}</Text>;
  return (
    <Stack gap="sm">
      {modules.map((m, i) => (
        <div key={m.id}>
          <Title order={3} size="h5" mb={4}>
            {t("course.module", { n: i + 1, title: m.title })}
          </Title>
          <List spacing={4} listStyleType="none" p={0}>
            {m.lessons.map((l) => (
              <List.Item key={l.id}>
                <Group gap={6} wrap="nowrap">
                  <LessonIcon kind={l.kind} />
                  <Text size="sm" style={{ overflowWrap: "anywhere" }}>
                    {l.title}
                  </Text>
                  <Badge variant="default" size="xs" style={{ flexShrink: 0 }}>
                    {t(`kind.${l.kind}`)}
                  </Badge>
                </Group>
              </List.Item>
            ))}
          </List>
        </div>
      ))}
    </Stack>
  );
}
