import { Group, Radio } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { LANGUAGES } from "../../../i18n";
import { Section } from "../../../ui/Section";
import { useLanguage } from "../../auth/hooks";
import { asLanguage } from "../../auth/language";

/** The display language, saved to the account and applied at once. */
export function LanguageSection() {
  const { t } = useTranslation("profile");
  const { language, setLanguage } = useLanguage();
  return (
    <Section title={t("language.title")}>
      <Radio.Group label={t("language.label")} description={t("language.description")} value={language} onChange={(v) => setLanguage(asLanguage(v) ?? "id")}>
        <Group mt="xs">
          {LANGUAGES.map((lang) => (
            <Radio key={lang} value={lang} label={t(`common:language.${lang}`)} lang={lang} />
          ))}
        </Group>
      </Radio.Group>
    </Section>
  );
}
