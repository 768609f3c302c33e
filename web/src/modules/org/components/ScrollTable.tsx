import { Table, type TableScrollContainerProps } from "@mantine/core";

/**
 * A table that scrolls sideways inside its own box when the screen is narrow,
 * so the page itself never does. The box takes keyboard focus, so it can be
 * scrolled without a mouse.
 */
export function ScrollTable({ children, ...rest }: TableScrollContainerProps) {
  return (
    <Table.ScrollContainer scrollAreaProps={{ viewportProps: { tabIndex: 0 } }} {...rest}>
      {children}
    </Table.ScrollContainer>
  );
}
