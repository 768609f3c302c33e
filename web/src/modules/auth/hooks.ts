import { notifications } from "@mantine/notifications";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { setCsrfToken } from "../../api/client";
import type { Me } from "../../api/types";
import { changeLanguage, type Language } from "../../i18n";
import { clearDeviceData } from "../../offline/signOut";
import { authKeys, type Credentials, changePassword, fetchMe, type PasswordChange, saveLocale, signIn, signOut } from "./api";
import { applyUserLocale, asLanguage, markLocaleApplied, rememberSignedOutChoice, takeSignedOutChoice } from "./language";
import { clearSignedOut, markSignedOut } from "./next";

async function loadMe(): Promise<Me | null> {
  const me = await fetchMe();
  if (me) applyUserLocale(me);
  return me;
}

/** The signed-in person (null when signed out). Sets the CSRF token and applies their saved language. */
export function useMe() {
  return useQuery({ queryKey: authKeys.me, queryFn: loadMe, staleTime: 60_000 });
}

/** Signs in, then loads the person; a language picked before signing in is saved to the account. */
export function useSignIn() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (credentials: Credentials) => {
      await signIn(credentials);
      clearSignedOut();
      let me = await fetchMe();
      const chosen = takeSignedOutChoice();
      if (me && chosen && chosen !== me.locale) {
        await saveLocale(chosen);
        me = { ...me, locale: chosen };
      }
      if (me) applyUserLocale(me);
      return me;
    },
    onSuccess: (me) => {
      qc.setQueryData(authKeys.me, me);
    },
  });
}

/** Signs out this device and opens the sign-in page (without a return path: the next person starts fresh). */
export function useSignOut() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: signOut,
    // Also when the request fails (offline): the device forgets this person's saved data before the sign-in page shows.
    onSettled: async () => {
      await clearDeviceData();
      setCsrfToken("");
      // The guards watch the person: set it to null (removing it would leave them looking at the old one).
      markSignedOut();
      qc.setQueryData(authKeys.me, null);
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== "setup" && q.queryKey[0] !== authKeys.me[0] });
    },
  });
}

export function useChangePassword() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: PasswordChange) => changePassword(body),
    onSuccess: () => qc.invalidateQueries(),
  });
}

/** The active language and a setter that applies it at once and saves it to the account when signed in. */
export function useLanguage() {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const save = useMutation({
    mutationFn: saveLocale,
    onError: () => notifications.show({ color: "red", message: t("common:language.saveFailed") }),
  });
  const language: Language = asLanguage(i18n.language) ?? "id";
  const setLanguage = (lang: Language) => {
    void changeLanguage(lang);
    const me = qc.getQueryData<Me | null>(authKeys.me);
    if (me) {
      markLocaleApplied(me.id, lang);
      const updated: Me = { ...me, locale: lang };
      qc.setQueryData(authKeys.me, updated);
      save.mutate(lang);
    } else {
      rememberSignedOutChoice(lang);
    }
  };
  return { language, setLanguage };
}
