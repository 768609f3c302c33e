import { Text, UnstyledButton } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { intlLocale } from "../../../ui/format";

interface Props {
  label: string;
  count: number;
  /** Opens the list behind the number; without it the number is plain text. */
  onOpen?: () => void;
  /** Stat card (large) or table cell (small). */
  variant?: "card" | "cell";
  colour?: string;
}

/** A number of the board that opens the people behind it. */
export function CountButton({ label, count, onOpen, variant = "card", colour }: Props) {
  const { t, i18n } = useTranslation("monitoring");
  const value = new Intl.NumberFormat(intlLocale(i18n.language)).format(count);
  if (variant === "cell") {
    if (!onOpen) return <span>{value}</span>;
    return (
      <UnstyledButton onClick={onOpen} aria-label={t("board.openList", { label, count: value })} c="abdi.9" td="underline" fz="sm" px={4} miw={28}>
        {value}
      </UnstyledButton>
    );
  }
  const body = (
    <>
      <Text fz={{ base: 22, sm: 28 }} fw={700} lh={1.1} c={colour} data-count={count}>
        {value}
      </Text>
      <Text size="sm" c="dimmed" lh={1.25}>
        {label}
      </Text>
    </>
  );
  const box = { display: "block", width: "100%", height: "100%", padding: "var(--mantine-spacing-xs) var(--mantine-spacing-sm)" };
  if (!onOpen) return <div style={{ ...box, border: "1px solid var(--mantine-color-gray-3)", borderRadius: "var(--mantine-radius-md)" }}>{body}</div>;
  return (
    <UnstyledButton
      onClick={onOpen}
      aria-label={t("board.openList", { label, count: value })}
      style={{ ...box, border: "1px solid var(--mantine-color-gray-4)", borderRadius: "var(--mantine-radius-md)" }}
    >
      {body}
    </UnstyledButton>
  );
}
