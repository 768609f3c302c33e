import { Text } from "@mantine/core";
import { IconBeach } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import type { Today } from "../../types";
import { Notice } from "../Notice";

/** Today is a weekend, a holiday or cuti bersama: nothing is expected, though work can still be recorded. */
export function DayOffNotice({ today }: { today: Today }) {
  const { t, i18n } = useTranslation("logbook");
  const name = today.dayOff ? (i18n.language === "en" ? today.dayOff.nameEn : today.dayOff.nameId) : null;
  const title = today.dayOff ? t(`today.${today.dayOff.kind}`, { name }) : t("today.weekend");
  return (
    <Notice color="teal" variant="light" icon={<IconBeach aria-hidden />} title={title}>
      <Text size="sm">{t("today.dayOffBody")}</Text>
    </Notice>
  );
}
