import { Alert, List, Text } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../../api/client";
import { errorMessage } from "../../../ui/ErrorAlert";
import { useFormat } from "../../../ui/format";
import { REQUEST_PART, serverMessage } from "../errors";

interface Props {
  error: unknown;
  /** Field errors already shown next to their fields are left out of the list. */
  shownFields?: string[];
}

/**
 * A refused request: the shared headline for its code, then what the server
 * said about it (e.g. "missing column kode_unit") in the viewer's language,
 * and any field errors not already shown next to a field.
 */
export function ErrorAlert({ error, shownFields = [] }: Props) {
  const { t, i18n } = useTranslation("org");
  const format = useFormat();
  if (!error) return null;
  const api = error instanceof ApiError ? error : null;
  const title = errorMessage(error, t, format);
  const detail = api ? serverMessage(t, api.message) : null;
  const rest = (api?.errors ?? []).filter((e) => !shownFields.includes(e.path.replace(REQUEST_PART, "")));
  const showDetail =
    detail && detail.text !== title && detail.text !== api?.body.title && (detail.known || i18n.language === "en") && !(api?.code === "validation_failed");
  if (!showDetail && rest.length === 0) {
    return (
      <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} role="alert">
        <Text size="sm" fw={600}>
          {title}
        </Text>
      </Alert>
    );
  }
  return (
    <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} title={title} role="alert">
      {showDetail && <Text size="sm">{detail.text}</Text>}
      {rest.length > 0 && (
        <List size="sm" mt={showDetail ? "xs" : 0}>
          {rest.map((e) => {
            const field = e.path.replace(REQUEST_PART, "");
            const label = field && !["columns", "rows", "file"].includes(field) ? `${t(`fieldNames.${field}`, { defaultValue: field })}: ` : "";
            return (
              <List.Item key={`${e.path}:${e.message}`}>
                {label}
                {serverMessage(t, e.message).text}
              </List.Item>
            );
          })}
        </List>
      )}
    </Alert>
  );
}
