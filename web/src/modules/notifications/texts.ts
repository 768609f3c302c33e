import type { TFunction } from "i18next";
import { intlLocale } from "../../ui/format";
import type { Notification } from "./api";

const KNOWN = new Set(["health.not_cleared", "report.returned", "report.approved", "report.reminder"]);

const str = (v: unknown) => (typeof v === "string" ? v : "");

function dateText(date: string, locale: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return date;
  return new Intl.DateTimeFormat(locale, { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(
    new Date(`${date}T00:00:00Z`),
  );
}

function instantText(iso: string, locale: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(d);
}

/** The notification as a sentence in the active language (title and an optional second line). */
export function notificationText(n: Notification, t: TFunction, language: string): { title: string; body: string | null } {
  const locale = intlLocale(language);
  const p = n.params;
  const date = dateText(str(p.date) || str(p.workDate), locale);
  const values = {
    date,
    name: str(p.employeeName),
    reviewer: str(p.reviewer),
    comment: str(p.comment),
    deadline: p.deadlineAt ? instantText(str(p.deadlineAt), locale) : "",
  };
  if (!KNOWN.has(n.kind)) return { title: t("notifications:kind.other"), body: null };
  const key = n.kind.replace(".", "_");
  const body =
    n.kind === "report.returned" && values.comment
      ? t("notifications:body.comment", values)
      : n.kind === "report.reminder" && values.deadline
        ? t("notifications:body.deadline", values)
        : n.kind === "health.not_cleared"
          ? t("notifications:body.health")
          : null;
  return { title: t(`notifications:kind.${key}`, values), body };
}
