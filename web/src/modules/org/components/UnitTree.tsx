import { Badge, Box, Group, Text, Tree, useTree, VisuallyHidden } from "@mantine/core";
import { IconChevronDown, IconChevronRight, IconUsers } from "@tabler/icons-react";
import { type KeyboardEvent, useEffect, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { tzLabel } from "../format";
import type { Unit } from "../types";
import { ancestorIds, unitTree } from "../units";

interface Props {
  units: Unit[];
  selectedId: string | null;
  onSelect: (id: string) => void;
}

/** The agency's units as an expandable tree; Enter or a click opens a unit. */
export function UnitTree({ units, selectedId, onSelect }: Props) {
  const { t } = useTranslation("org");
  const data = useMemo(() => unitTree(units), [units]);
  const byId = useMemo(() => new Map(units.map((u) => [u.id, u])), [units]);
  const tree = useTree({
    initialExpandedState: Object.fromEntries(units.filter((u) => u.depth === 0).map((u) => [u.id, true])),
  });
  const { expand, select } = tree;

  useEffect(() => {
    if (!selectedId) return;
    for (const id of ancestorIds(units, selectedId)) expand(id);
    select(selectedId);
  }, [selectedId, units, expand, select]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const value = (e.target as HTMLElement).dataset.value;
    if (e.key === "Enter" && value) {
      e.preventDefault();
      onSelect(value);
    }
  };

  return (
    <Box onKeyDown={onKeyDown}>
      <Tree
        data={data}
        tree={tree}
        selectOnClick
        expandOnClick={false}
        aria-label={t("units.treeLabel")}
        levelOffset="md"
        renderNode={({ node, expanded, hasChildren, elementProps }) => {
          const unit = byId.get(node.value);
          return (
            <Group
              gap={6}
              wrap="nowrap"
              {...elementProps}
              onClick={(e) => {
                elementProps.onClick(e);
                if (hasChildren && !expanded) tree.expand(node.value);
                onSelect(node.value);
              }}
              py={4}
              px={4}
              style={{ ...elementProps.style, cursor: "pointer", borderRadius: 4 }}
              bg={node.value === selectedId ? "var(--mantine-primary-color-light)" : undefined}
            >
              <Box
                w={24}
                h={24}
                style={{ flexShrink: 0, display: "grid", placeItems: "center" }}
                aria-hidden
                onClick={(e) => {
                  // The chevron only opens or closes the branch; the rest of the row opens the unit.
                  e.stopPropagation();
                  if (hasChildren) tree.toggleExpanded(node.value);
                }}
              >
                {hasChildren ? expanded ? <IconChevronDown size={16} /> : <IconChevronRight size={16} /> : null}
              </Box>
              <Box style={{ minWidth: 0, flex: 1 }}>
                <Text size="sm" fw={node.value === selectedId ? 600 : 400} truncate>
                  {node.label}
                </Text>
                <Text size="xs" c="dimmed" truncate>
                  {unit?.code} · {unit ? tzLabel(unit.timezone) : ""}
                </Text>
              </Box>
              <Badge variant="default" size="sm" leftSection={<IconUsers size={12} aria-hidden />} style={{ flexShrink: 0 }}>
                {unit?.employeeCount ?? 0}
                <VisuallyHidden>{t("units.activeEmployees")}</VisuallyHidden>
              </Badge>
            </Group>
          );
        }}
      />
    </Box>
  );
}
