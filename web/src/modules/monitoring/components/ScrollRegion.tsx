import { Box } from "@mantine/core";
import type { ReactNode } from "react";

/** A horizontally scrolling area for wide tables: a named region that keyboard users can focus (tabIndex) and scroll. */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Box role="region" aria-label={label} tabIndex={0} style={{ overflowX: "auto", maxWidth: "100%" }}>
      {children}
    </Box>
  );
}
