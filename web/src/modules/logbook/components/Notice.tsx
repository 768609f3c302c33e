import { Alert, type AlertProps } from "@mantine/core";
import type { ReactNode } from "react";

interface Props extends Omit<AlertProps, "title"> {
  title?: ReactNode;
  children?: ReactNode;
}

/** An alert whose title keeps the body's text colour (the tinted default falls below 4.5:1 on its tint). */
export function Notice({ title, children, ...rest }: Props) {
  return (
    <Alert variant="light" title={title} styles={{ title: { color: "var(--mantine-color-text)" } }} {...rest}>
      {children}
    </Alert>
  );
}
