import { Select, type SelectProps } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { tzLabel } from "../format";
import { TIMEZONES, type Timezone } from "../types";

interface Props extends Omit<SelectProps, "data" | "onChange" | "value"> {
  value: Timezone;
  onChange: (tz: Timezone) => void;
}

export function TimezoneSelect({ value, onChange, ...rest }: Props) {
  const { t } = useTranslation("org");
  return (
    <Select
      label={t("units.timezone")}
      allowDeselect={false}
      {...rest}
      data={TIMEZONES.map((tz) => ({ value: tz, label: `${tzLabel(tz)} — ${t(`timezones.${tz.replace("Asia/", "")}`)}` }))}
      value={value}
      onChange={(v) => v && onChange(v as Timezone)}
    />
  );
}

export function asTimezone(tz: string): Timezone {
  return (TIMEZONES as readonly string[]).includes(tz) ? (tz as Timezone) : "Asia/Jakarta";
}
