import { Alert, Text } from "@mantine/core";
import { IconAlertCircle } from "@tabler/icons-react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api/client";
import { type Formatters, useFormat } from "./format";

/** A sentence in the active language for anything a request can throw. */
export function errorMessage(error: unknown, t: TFunction, format: Formatters): string {
  if (!(error instanceof ApiError)) return t("common:errors.network");
  const retryAfter = error.body.retryAfter;
  if (error.code === "too_many_attempts" && typeof retryAfter === "number") {
    return t("common:errors.too_many_attempts_wait", { wait: format.duration(retryAfter) });
  }
  return t(`common:errors.${error.code}`, { defaultValue: t("common:errors.internal") });
}

interface Props {
  error: unknown;
  title?: string;
}

/** Shows a failed request's error in the active language, with the request id for server faults. */
export function ErrorAlert({ error, title }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  if (!error) return null;
  const requestId = error instanceof ApiError && error.status >= 500 ? error.body.requestId : undefined;
  return (
    <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} title={title} role="alert">
      <Text size="sm">{errorMessage(error, t, format)}</Text>
      {typeof requestId === "string" ? (
        <Text size="xs" mt={4}>
          {t("common:errors.requestId", { id: requestId })}
        </Text>
      ) : null}
    </Alert>
  );
}
