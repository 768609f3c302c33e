import { Box, SimpleGrid, Text } from "@mantine/core";
import type { ReactNode } from "react";

export interface DataItem {
  label: string;
  value: ReactNode;
}

/** Label/value pairs as a description list, two columns from small screens up. */
export function DataList({ items }: { items: DataItem[] }) {
  return (
    <SimpleGrid component="dl" cols={{ base: 1, xs: 2 }} spacing="md" verticalSpacing="sm" m={0}>
      {items.map((item) => (
        <Box key={item.label} style={{ minWidth: 0 }}>
          <Text component="dt" size="xs" c="dimmed">
            {item.label}
          </Text>
          <Text component="dd" size="sm" m={0} style={{ overflowWrap: "anywhere" }}>
            {item.value}
          </Text>
        </Box>
      ))}
    </SimpleGrid>
  );
}
