import { Button, Group, List, Stack, Text } from "@mantine/core";
import { IconCircleCheck, IconHeartbeat } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import type { Advice, HealthReason } from "../../types";
import { Notice } from "../Notice";

interface Props {
  cleared: boolean;
  reasons: HealthReason[];
  advice: Advice[];
  /** Not yet confirmed by the server (kept offline): the device's own reading of the rule. */
  estimate?: boolean;
  /** Sets the work mode of today's check-in; absent once the person has checked in. */
  onAdvice?: (mode: Advice) => void;
}

/** Cleared, or not cleared with the reasons and the way forward (work from home or sick leave). */
export function HealthOutcome({ cleared, reasons, advice, estimate, onAdvice }: Props) {
  const { t } = useTranslation("logbook");
  if (cleared) {
    return (
      <Notice color="green" variant="light" icon={<IconCircleCheck aria-hidden />} title={t(estimate ? "health.clearedEstimate" : "health.cleared")}>
        <Text size="sm">{t("health.clearedBody")}</Text>
      </Notice>
    );
  }
  return (
    <Notice color="red" variant="light" icon={<IconHeartbeat aria-hidden />} title={t(estimate ? "health.notClearedEstimate" : "health.notCleared")}>
      <Stack gap="xs">
        <List size="sm">
          {reasons.map((r) => (
            <List.Item key={r}>{t(`health.reason.${r}`)}</List.Item>
          ))}
        </List>
        <Text size="sm">{t("health.guidance")}</Text>
        {onAdvice ? (
          <Group gap="xs">
            {advice.map((m) => (
              <Button key={m} size="sm" variant="default" onClick={() => onAdvice(m)}>
                {t(`health.advice.${m}`)}
              </Button>
            ))}
          </Group>
        ) : (
          <Text size="sm">{t("health.guidanceCheckedIn")}</Text>
        )}
      </Stack>
    </Notice>
  );
}
