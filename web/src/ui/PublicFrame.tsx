import { Box, Container, Group, Paper, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

interface Props {
  children: ReactNode;
  /** Shown top right, e.g. the language switch. */
  corner?: ReactNode;
  width?: number;
}

/** The frame of pages shown before signing in: app name, a corner control and one card. */
export function PublicFrame({ children, corner, width = 460 }: Props) {
  const { t } = useTranslation();
  return (
    <Box mih="100dvh" bg="gray.0">
      <Box component="header" px="md" py="sm">
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <div>
            <Text fw={700} size="lg" c="abdi.9">
              {t("common:appName")}
            </Text>
            <Text size="xs" c="dimmed">
              {t("common:tagline")}
            </Text>
          </div>
          {corner}
        </Group>
      </Box>
      <Container component="main" size={width} px="sm" pb="xl">
        <Paper withBorder radius="md" p={{ base: "md", sm: "xl" }} shadow="xs">
          {children}
        </Paper>
      </Container>
    </Box>
  );
}

/** The h1 inside a PublicFrame card. */
export function PublicTitle({ children }: { children: ReactNode }) {
  return (
    <Title order={1} size="h2" mb="md">
      {children}
    </Title>
  );
}
