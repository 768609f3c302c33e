import { Box, Group, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { LiveState } from "../live";

const DOT: Record<LiveState, string> = {
  live: "var(--mantine-color-green-7)",
  connecting: "var(--mantine-color-gray-6)",
  reconnecting: "var(--mantine-color-orange-6)",
  offline: "var(--mantine-color-red-8)",
};

/** The live feed's connection state: a dot and a word, announced when it changes. */
export function LiveBadge({ state }: { state: LiveState }) {
  const { t } = useTranslation("monitoring");
  return (
    <Group
      role="status"
      aria-live="polite"
      data-live-state={state}
      gap={6}
      wrap="nowrap"
      title={t(`live.hint.${state}`)}
      px="sm"
      py={4}
      style={{ border: "1px solid var(--mantine-color-gray-4)", borderRadius: 999 }}
    >
      <Box component="span" aria-hidden w={10} h={10} style={{ borderRadius: "50%", background: DOT[state], display: "inline-block" }} />
      <Text size="sm" fw={600}>
        {t(`live.state.${state}`)}
      </Text>
    </Group>
  );
}
