import { Group, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { usePageTitle } from "./usePageTitle";

interface Props {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
  /** Browser tab title when it should differ from the heading. */
  documentTitle?: string;
}

/** The page's one h1, an optional line below it, and actions on the right. */
export function PageHeader({ title, description, actions, documentTitle }: Props) {
  usePageTitle(documentTitle ?? title);
  return (
    <Group justify="space-between" align="flex-start" gap="sm" mb="lg" wrap="wrap">
      <Stack gap={4} style={{ minWidth: 0, flex: "1 1 16rem" }}>
        <Title order={1} size="h2" style={{ overflowWrap: "anywhere" }}>
          {title}
        </Title>
        {description ? (
          <Text c="dimmed" size="sm">
            {description}
          </Text>
        ) : null}
      </Stack>
      {actions ? <Group gap="xs">{actions}</Group> : null}
    </Group>
  );
}
