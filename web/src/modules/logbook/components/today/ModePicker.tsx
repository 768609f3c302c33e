import { Group, Radio } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { WORK_MODES, type WorkMode } from "../../types";

interface Props {
  value: WorkMode;
  onChange: (mode: WorkMode) => void;
  expected: WorkMode | null;
  disabled?: boolean;
}

/** Where the person works today: office, home, official travel, leave or sick. */
export function ModePicker({ value, onChange, expected, disabled }: Props) {
  const { t } = useTranslation("logbook");
  return (
    <Radio.Group
      label={t("checkin.modeLabel")}
      description={expected ? t("checkin.expected", { mode: t(`mode.${expected}`) }) : undefined}
      value={value}
      onChange={(v) => onChange(WORK_MODES.find((m) => m === v) ?? "WFO")}
    >
      <Group gap="md" mt="xs" wrap="wrap">
        {WORK_MODES.map((m) => (
          <Radio key={m} value={m} label={t(`mode.${m}`)} disabled={disabled} />
        ))}
      </Group>
    </Radio.Group>
  );
}
