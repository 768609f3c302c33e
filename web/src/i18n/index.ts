import i18n from "i18next";
import { initReactI18next } from "react-i18next";

/**
 * Every module keeps its strings in `modules/<name>/locales/{id,en}.json`;
 * the folder name is the i18next namespace. Shared strings live in
 * `i18n/locales/{id,en}.json` (namespace "common"). Indonesian is the default.
 */
const files = import.meta.glob<{ default: Record<string, unknown> }>(["./locales/*.json", "../modules/*/locales/*.json"], { eager: true });

const resources: Record<string, Record<string, Record<string, unknown>>> = { id: {}, en: {} };
for (const [file, mod] of Object.entries(files)) {
  const m = file.match(/(?:modules\/([^/]+)\/)?locales\/(id|en)\.json$/);
  if (!m) continue;
  const ns = m[1] ?? "common";
  resources[m[2]][ns] = mod.default;
}

export const LANGUAGES = ["id", "en"] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = "abdi.lang";

export function initialLanguage(): Language {
  const saved = typeof localStorage !== "undefined" ? localStorage.getItem(STORAGE_KEY) : null;
  return saved === "en" ? "en" : "id";
}

export function changeLanguage(lang: Language): Promise<unknown> {
  localStorage.setItem(STORAGE_KEY, lang);
  document.documentElement.lang = lang;
  return i18n.changeLanguage(lang);
}

void i18n.use(initReactI18next).init({
  resources,
  lng: initialLanguage(),
  fallbackLng: false,
  defaultNS: "common",
  ns: Object.keys(resources.id),
  interpolation: { escapeValue: false },
  returnNull: false,
  showSupportNotice: false,
});
document.documentElement.lang = i18n.language;

export default i18n;
