import type { Me } from "../../api/types";
import i18n, { changeLanguage, type Language } from "../../i18n";

/**
 * A language picked before signing in is what the person wants now: it is
 * saved to their account at sign-in. Otherwise the account's saved language
 * is applied once per sign-in (and again if it changes elsewhere).
 */
const PENDING_KEY = "abdi.lang.pending";
let appliedFor = "";

export function asLanguage(value: string | null | undefined): Language | null {
  return value === "id" || value === "en" ? value : null;
}

export function rememberSignedOutChoice(lang: Language): void {
  sessionStorage.setItem(PENDING_KEY, lang);
}

export function takeSignedOutChoice(): Language | null {
  const lang = asLanguage(sessionStorage.getItem(PENDING_KEY));
  sessionStorage.removeItem(PENDING_KEY);
  return lang;
}

export function markLocaleApplied(userId: string, lang: Language): void {
  appliedFor = `${userId}:${lang}`;
}

export function applyUserLocale(me: Me): void {
  const lang = asLanguage(me.locale);
  if (!lang) return;
  const key = `${me.id}:${lang}`;
  if (key === appliedFor) return;
  appliedFor = key;
  if (i18n.language !== lang) void changeLanguage(lang);
}
