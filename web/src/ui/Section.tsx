import { Paper, Text, Title } from "@mantine/core";
import { type ReactNode, useId } from "react";

interface Props {
  /** Anchor for links to this block, e.g. "/profile#data-access". */
  id?: string;
  title: string;
  description?: ReactNode;
  children: ReactNode;
}

/** A titled block of a page (an h2 in a bordered card), labelled for screen readers. */
export function Section({ id: anchor, title, description, children }: Props) {
  const id = useId();
  return (
    <Paper component="section" id={anchor} aria-labelledby={id} withBorder radius="md" p={{ base: "sm", sm: "lg" }} style={{ scrollMarginTop: 72 }}>
      <Title order={2} size="h4" id={id}>
        {title}
      </Title>
      {description ? (
        <Text size="sm" c="dimmed" mt={4}>
          {description}
        </Text>
      ) : null}
      <div style={{ marginTop: "var(--mantine-spacing-md)" }}>{children}</div>
    </Paper>
  );
}
