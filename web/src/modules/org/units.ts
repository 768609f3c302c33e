import type { TreeNodeData } from "@mantine/core";
import type { Unit } from "./types";

/** The flat unit list (ordered by path) as tree data for Mantine's Tree. */
export function unitTree(units: Unit[]): TreeNodeData[] {
  const nodes = new Map<string, TreeNodeData & { children: TreeNodeData[] }>();
  const roots: TreeNodeData[] = [];
  for (const u of units) nodes.set(u.id, { value: u.id, label: u.name, children: [] });
  for (const u of units) {
    const node = nodes.get(u.id);
    if (!node) continue;
    const parent = u.parentId ? nodes.get(u.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

/** Ids of a unit and everything below it. */
export function subtreeIds(units: Unit[], rootId: string): Set<string> {
  const out = new Set([rootId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const u of units) {
      if (u.parentId && out.has(u.parentId) && !out.has(u.id)) {
        out.add(u.id);
        grew = true;
      }
    }
  }
  return out;
}

/** Ids of the unit's ancestors, top first. */
export function ancestorIds(units: Unit[], id: string): string[] {
  const byId = new Map(units.map((u) => [u.id, u]));
  const out: string[] = [];
  let cur = byId.get(id)?.parentId ?? null;
  while (cur) {
    out.unshift(cur);
    cur = byId.get(cur)?.parentId ?? null;
  }
  return out;
}
