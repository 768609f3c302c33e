import { Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { DataList } from "../../../../ui/DataList";
import { intlLocale } from "../../../../ui/format";
import { useFormVersion } from "../../manageApi";
import type { FormVersion } from "../../types";
import { dayText } from "../../words";

type Question = FormVersion["questions"][number];

function isDated(v: unknown): v is { value: unknown; date?: string } {
  return typeof v === "object" && v !== null && !Array.isArray(v) && "value" in v;
}

/** Health answers read against the form version they were given in (labels in the viewer's language). */
export function AnswersView({ answers, formVersion }: { answers: Record<string, unknown>; formVersion?: number }) {
  const { t, i18n } = useTranslation("logbook");
  const form = useFormVersion(formVersion).data;
  const lang = i18n.language === "en" ? "en" : "id";
  const locale = intlLocale(i18n.language);
  const questions = new Map<string, Question>((form?.questions ?? []).map((q) => [q.id, q]));
  const optionLabel = (q: Question | undefined, id: string) => q?.options?.find((o) => o.id === id)?.label[lang] ?? id;
  const show = (id: string, v: unknown): string => {
    const q = questions.get(id);
    if (typeof v === "number")
      return new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(v) + (q?.type === "number" && id === "temperature" ? " °C" : "");
    if (Array.isArray(v)) return v.length ? v.map((o) => optionLabel(q, String(o))).join(", ") : t("health.none");
    if (isDated(v)) {
      const value = typeof v.value === "boolean" ? t(v.value ? "health.yes" : "health.no") : optionLabel(q, String(v.value));
      return v.date ? t("health.withDate", { value, date: dayText(v.date, locale, false) }) : value;
    }
    return String(v);
  };
  const entries = Object.entries(answers);
  if (entries.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t("health.noAnswers")}
      </Text>
    );
  }
  return <DataList items={entries.map(([id, v]) => ({ label: questions.get(id)?.label[lang] ?? id, value: show(id, v) }))} />;
}
