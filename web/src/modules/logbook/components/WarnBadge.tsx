import { Badge, type BadgeProps } from "@mantine/core";

/** A red badge whose text is dark enough (red 9) on its light tint for 4.5:1. */
export function WarnBadge(props: Omit<BadgeProps, "color" | "variant">) {
  return <Badge variant="light" color="red" styles={{ root: { color: "var(--mantine-color-red-9)" } }} {...props} />;
}
