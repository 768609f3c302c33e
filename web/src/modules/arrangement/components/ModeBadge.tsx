import { Badge, Group, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { MODES, type Mode } from "../types";

/** One colour per work mode, used by the grid, the legend and the own week. */
export const MODE_COLOR: Record<Mode, string> = { WFO: "blue.9", WFH: "teal.9", CUTI: "grape.9", DL: "indigo.9", SAKIT: "red.9" };

export function ModeBadge({ mode }: { mode: Mode }) {
  const { t } = useTranslation("arrangement");
  return (
    <Badge color={MODE_COLOR[mode]} variant="filled" radius="sm">
      {t(`mode.${mode}`)}
    </Badge>
  );
}

export function ModeLegend() {
  const { t } = useTranslation("arrangement");
  return (
    <Group gap="xs" role="group" aria-label={t("legend")}>
      {MODES.map((m) => (
        <Group key={m} gap={4} wrap="nowrap">
          <ModeBadge mode={m} />
          <Text size="xs">{t(`modeLong.${m}`)}</Text>
        </Group>
      ))}
    </Group>
  );
}
