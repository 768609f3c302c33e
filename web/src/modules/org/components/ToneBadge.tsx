import { Badge, type BadgeProps } from "@mantine/core";

/** A status badge: the colour is in the dot, the text stays dark, so it reads at 4.5:1 on any row. */
export function ToneBadge({ color = "gray", ...rest }: BadgeProps) {
  return <Badge variant="dot" color={color} {...rest} />;
}
