import { Select } from "@mantine/core";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { ScopeUnit } from "../types";

interface Props {
  units: ScopeUnit[];
  value: string | null;
  onChange: (id: string) => void;
}

/** Chooses a unit of the monitoring scope; options are indented by depth so the tree stays readable. */
export function UnitPicker({ units, value, onChange }: Props) {
  const { t } = useTranslation("monitoring");
  const minDepth = useMemo(() => Math.min(...units.map((u) => u.depth), 0), [units]);
  const depth = useMemo(() => new Map(units.map((u) => [u.id, u.depth - minDepth])), [units, minDepth]);
  const data = useMemo(() => [...units].sort((a, b) => a.path.localeCompare(b.path)).map((u) => ({ value: u.id, label: u.name })), [units]);
  return (
    <Select
      label={t("filters.unit")}
      searchable
      allowDeselect={false}
      nothingFoundMessage={t("filters.noUnit")}
      data={data}
      value={value}
      onChange={(v) => {
        if (v) onChange(v);
      }}
      comboboxProps={{ width: "target", position: "bottom-start" }}
      renderOption={({ option }) => <span style={{ paddingLeft: `${(depth.get(option.value) ?? 0) * 12}px` }}>{option.label}</span>}
      style={{ flex: "1 1 16rem", minWidth: 0 }}
    />
  );
}
