import { ApiError, get, post, put, setCsrfToken } from "../../api/client";
import type { Me } from "../../api/types";
import type { Language } from "../../i18n";

/** ["me"] is shared with other modules that read the signed-in person. */
export const authKeys = {
  me: ["me"] as const,
};

export interface Credentials {
  login: string;
  password: string;
}

export interface PasswordChange {
  currentPassword: string;
  newPassword: string;
}

/** The signed-in person, or null when there is no live session. Keeps the CSRF token in step. */
export async function fetchMe(): Promise<Me | null> {
  try {
    const me = await get<Me>("/auth/me");
    setCsrfToken(me.csrfToken);
    return me;
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) {
      setCsrfToken("");
      return null;
    }
    throw err;
  }
}

export const signIn = (body: Credentials) => post<void>("/auth/login", body);
export const signOut = () => post<void>("/auth/logout");
export const changePassword = (body: PasswordChange) => post<void>("/auth/password", body);
export const saveLocale = (locale: Language) => put<void>("/auth/locale", { locale });
