import { notifications } from "@mantine/notifications";
import i18n from "../../i18n";

/** A short confirmation toast; its close button is named for screen readers. */
export function notifySaved(message: string): void {
  notifications.show({ color: "green", message, closeButtonProps: { "aria-label": i18n.t("common:close") } });
}
