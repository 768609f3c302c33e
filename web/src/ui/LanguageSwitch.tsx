import { SegmentedControl, VisuallyHidden } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { LANGUAGES, type Language } from "../i18n";

interface Props {
  value: Language;
  onChange: (language: Language) => void;
  size?: "xs" | "sm" | "md";
}

/** Two-way ID | EN switch; each option's accessible name is the language's own name. */
export function LanguageSwitch({ value, onChange, size = "xs" }: Props) {
  const { t } = useTranslation();
  return (
    <SegmentedControl
      aria-label={t("common:language.label")}
      size={size}
      value={value}
      onChange={(v) => onChange(v === "en" ? "en" : "id")}
      data={LANGUAGES.map((lang) => ({
        value: lang,
        label: (
          <>
            <span aria-hidden>{lang.toUpperCase()}</span>
            <VisuallyHidden lang={lang}>{t(`common:language.${lang}`)}</VisuallyHidden>
          </>
        ),
      }))}
    />
  );
}
