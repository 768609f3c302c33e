import { Group, RingProgress, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { JpSummary } from "../types";

/** JP earned this year toward the yearly target, as a ring with the numbers written out. */
export function JpRing({ jp }: { jp: JpSummary }) {
  const { t } = useTranslation("learning");
  const percent = Math.min(100, jp.target > 0 ? (100 * jp.earned) / jp.target : 100);
  const left = Math.max(0, jp.target - jp.earned);
  return (
    <Group gap="md" wrap="nowrap">
      <RingProgress
        size={120}
        thickness={12}
        roundCaps
        sections={[{ value: percent, color: percent >= 100 ? "green" : "abdi" }]}
        label={
          <Text ta="center" fw={700} size="lg" aria-hidden>
            {jp.earned}/{jp.target}
          </Text>
        }
        aria-hidden
      />
      <Stack gap={2}>
        <Text fw={600} data-testid="jp-earned">
          {t("jp.earned", { earned: jp.earned, target: jp.target, year: jp.year })}
        </Text>
        <Text size="sm" fw={500}>
          {left > 0 ? t("jp.left", { count: left }) : t("jp.reached")}
        </Text>
      </Stack>
    </Group>
  );
}
