import { Text } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../../api/client";
import { errorMessage } from "../../../ui/ErrorAlert";
import { type Formatters, useFormat } from "../../../ui/format";
import { Notice } from "./Notice";

/** Server explanations met in the daily flow, as keys of `logbook:serverMessages`. */
const MESSAGES: [RegExp, string][] = [
  [/^Already checked in today/, "alreadyIn"],
  [/^Already checked out today/, "alreadyOut"],
  [/^Check in before checking out/, "inFirst"],
  [/^A report needs at least one activity/, "noActivities"],
  [/^The report is waiting for review/, "waiting"],
  [/^The report is approved and locked/, "locked"],
  [/^A report cannot be written for a future date/, "future"],
  [/^A report can be written at most/, "tooOld"],
  [/^The report changed meanwhile/, "changed"],
  [/^The health form has changed/, "staleForm"],
  [/^At most \d+ pending or approved places/, "tooManyPlaces"],
  [/^The place is already/, "alreadyDecided"],
  [/^The place was withdrawn/, "withdrawn"],
];

/** The refusal in the viewer's language: the headline for its code, and the server's reason when we know it. */
export function refusalText(error: unknown, t: TFunction, format: Formatters): { title: string; detail: string | null } {
  const code = error instanceof ApiError ? error.code : "";
  const title = ["locked", "idempotency_key_reused"].includes(code) ? t(`logbook:errors.${code}`) : errorMessage(error, t, format);
  if (!(error instanceof ApiError)) return { title, detail: null };
  const hit = MESSAGES.find(([re]) => re.test(error.message));
  return { title, detail: hit ? t(`logbook:serverMessages.${hit[1]}`) : null };
}

/** A refused or failed request of the logbook, in words. */
export function LogbookError({ error }: { error: unknown }) {
  const { t } = useTranslation("logbook");
  const format = useFormat();
  if (!error) return null;
  const { title, detail } = refusalText(error, t, format);
  return (
    <Notice color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} role="alert" title={detail ? title : undefined}>
      <Text size="sm" fw={detail ? undefined : 600}>
        {detail ?? title}
      </Text>
    </Notice>
  );
}
