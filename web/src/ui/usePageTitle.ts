import { useEffect } from "react";
import { useTranslation } from "react-i18next";

/** Sets the browser tab title to "<title> · Abdi" while the page is shown. */
export function usePageTitle(title: string): void {
  const { t } = useTranslation();
  const app = t("common:appName");
  useEffect(() => {
    document.title = title ? `${title} · ${app}` : app;
  }, [title, app]);
}
