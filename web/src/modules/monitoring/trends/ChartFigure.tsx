import { Paper, Text, Title } from "@mantine/core";
import { type ReactNode, useId } from "react";

interface Props {
  title: string;
  /** The chart in words: what a screen reader announces and what the caption says. */
  summary: string;
  children: ReactNode;
}

/** A chart with a heading and a caption that describes it in words. */
export function ChartFigure({ title, summary, children }: Props) {
  const id = useId();
  return (
    <Paper component="figure" withBorder radius="md" p={{ base: "sm", sm: "md" }} m={0} aria-labelledby={`${id}-t`} aria-describedby={`${id}-c`}>
      <Title order={3} size="h5" id={`${id}-t`} mb="xs">
        {title}
      </Title>
      {children}
      <Text component="figcaption" id={`${id}-c`} size="xs" c="dimmed" mt="xs">
        {summary}
      </Text>
    </Paper>
  );
}
