import { Select, type SelectProps } from "@mantine/core";
import { useMemo } from "react";
import type { Unit } from "../types";

interface Props extends Omit<SelectProps, "data" | "onChange" | "value"> {
  units: Unit[];
  value: string | null;
  onChange: (id: string | null) => void;
  /** Units that may not be chosen (e.g. a unit and its subtree when moving it). */
  exclude?: Set<string>;
}

/** Chooses a unit; the list is indented by depth so the tree stays readable. */
export function UnitSelect({ units, value, onChange, exclude, ...rest }: Props) {
  const data = useMemo(() => units.filter((u) => !exclude?.has(u.id)).map((u) => ({ value: u.id, label: `${u.name} (${u.code})` })), [units, exclude]);
  const depth = useMemo(() => new Map(units.map((u) => [u.id, u.depth])), [units]);
  return (
    <Select
      searchable
      nothingFoundMessage="—"
      {...rest}
      data={data}
      value={value}
      onChange={(v) => onChange(v)}
      renderOption={({ option }) => <span style={{ paddingLeft: `${(depth.get(option.value) ?? 0) * 12}px` }}>{option.label}</span>}
    />
  );
}
