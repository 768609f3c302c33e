import { useTranslation } from "react-i18next";

const INTL_LOCALES: Record<string, string> = { id: "id-ID", en: "en-GB" };

/** The Intl locale for the active i18next language. */
export function intlLocale(language: string): string {
  return INTL_LOCALES[language] ?? "id-ID";
}

export interface Formatters {
  dateTime(iso: string): string;
  date(iso: string): string;
  /** A wait in seconds as words, e.g. "2 menit" / "45 seconds". */
  duration(seconds: number): string;
}

export function formatters(language: string): Formatters {
  const locale = intlLocale(language);
  const dateTimeFmt = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" });
  const dateFmt = new Intl.DateTimeFormat(locale, { dateStyle: "long" });
  return {
    dateTime: (iso) => dateTimeFmt.format(new Date(iso)),
    date: (iso) => dateFmt.format(new Date(iso)),
    duration: (seconds) => {
      const unit = seconds >= 120 ? "minute" : "second";
      const value = unit === "minute" ? Math.ceil(seconds / 60) : Math.max(1, Math.ceil(seconds));
      return new Intl.NumberFormat(locale, { style: "unit", unit, unitDisplay: "long" }).format(value);
    },
  };
}

/** Date and duration formatting in the active language; re-renders when it changes. */
export function useFormat(): Formatters {
  const { i18n } = useTranslation();
  return formatters(i18n.language);
}
