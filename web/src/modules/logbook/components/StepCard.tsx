import { Badge, Group, Paper, Stack, ThemeIcon, Title } from "@mantine/core";
import { type ReactNode, useId } from "react";

export type StepState = "todo" | "done" | "pending" | "attention" | "optional";

const COLOURS: Record<StepState, string> = { todo: "gray", done: "green", pending: "yellow", attention: "red", optional: "gray" };

interface Props {
  id?: string;
  step: number;
  title: string;
  state: StepState;
  stateLabel: string;
  children: ReactNode;
}

/** One numbered step of the day (a labelled section) with its status in words. */
export function StepCard({ id, step, title, state, stateLabel, children }: Props) {
  const titleId = useId();
  return (
    <Paper component="section" id={id} aria-labelledby={titleId} withBorder radius="md" p={{ base: "sm", sm: "lg" }} style={{ scrollMarginTop: 72 }}>
      <Group justify="space-between" wrap="nowrap" align="center" gap="xs" mb="md">
        <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
          <ThemeIcon radius="xl" size={28} variant={state === "done" ? "filled" : "light"} color={state === "done" ? "green.8" : "abdi"} aria-hidden>
            {step}
          </ThemeIcon>
          <Title order={2} size="h4" id={titleId}>
            {title}
          </Title>
        </Group>
        <Badge variant="dot" color={COLOURS[state]} styles={{ root: { flexShrink: 0, color: "var(--mantine-color-text)" } }}>
          {stateLabel}
        </Badge>
      </Group>
      <Stack gap="md">{children}</Stack>
    </Paper>
  );
}
