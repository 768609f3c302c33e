import type { TFunction } from "i18next";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api/client";
import { translateServerMessage } from "./serverMessages";

export type FieldErrors = Record<string, string>;

const REQUEST_PARTS = /^(body|querystring|params|headers)\./;

/**
 * The per-field messages of a 400 answer, keyed by field path without the
 * request part ("body.admin.nip" -> "admin.nip"). The first message per field wins.
 */
export function fieldErrorsOf(error: unknown, t: TFunction): FieldErrors {
  if (!(error instanceof ApiError)) return {};
  const out: FieldErrors = {};
  for (const e of error.errors) {
    const path = e.path.replace(REQUEST_PARTS, "");
    if (!(path in out)) out[path] = translateServerMessage(e.message, t);
  }
  return out;
}

/** Server field errors of a failed request merged under the form's own checks. */
export function useFieldErrors(error: unknown, local: FieldErrors = {}): FieldErrors {
  const { t } = useTranslation();
  return useMemo(() => ({ ...fieldErrorsOf(error, t), ...local }), [error, local, t]);
}
