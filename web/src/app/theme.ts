import { type CSSVariablesResolver, createTheme, type MantineColorsTuple, Notification } from "@mantine/core";
import i18n from "../i18n";

/** A calm civil-service blue; shade 9 is the one filled buttons and links use (AA contrast on white). */
const abdi: MantineColorsTuple = ["#e9f0fa", "#d3e0f2", "#a7c1e6", "#78a0d9", "#5183ce", "#3a72c8", "#2c69c6", "#1f59b0", "#154f9e", "#0b468f"];

export const theme = createTheme({
  primaryColor: "abdi",
  primaryShade: { light: 9, dark: 5 },
  colors: { abdi },
  defaultRadius: "md",
  cursorType: "pointer",
  headings: { fontWeight: "650" },
  components: {
    // Every toast's close button gets a name in the current language (read at render time).
    Notification: Notification.extend({
      defaultProps: {
        closeButtonProps: {
          get "aria-label"() {
            return i18n.t("common:close");
          },
        },
      },
    }),
  },
});

/** Secondary text and error messages darker than Mantine's defaults so they keep 4.5:1 contrast. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    "--mantine-color-dimmed": "var(--mantine-color-gray-7)",
    "--mantine-color-error": "var(--mantine-color-red-9)",
    "--mantine-color-placeholder": "var(--mantine-color-gray-7)",
  },
  dark: {},
});
