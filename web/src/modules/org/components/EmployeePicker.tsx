import { Select, type SelectProps } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useEmployee, useEmployees } from "../api";

interface Option {
  value: string;
  label: string;
  description: string;
}

interface Props extends Omit<SelectProps, "data" | "onChange" | "value" | "searchValue" | "onSearchChange"> {
  value: string | null;
  onChange: (id: string | null) => void;
  activeOnly?: boolean;
}

/** Finds an employee by name, email or NIP prefix, asking the server as the person types. */
export function EmployeePicker({ value, onChange, activeOnly, ...rest }: Props) {
  const { t } = useTranslation("org");
  const [search, setSearch] = useState("");
  const [picked, setPicked] = useState<Option | null>(null);
  const [opened, setOpened] = useState(false);
  // Only a value set from outside (an existing record) needs a look-up of its name.
  const known = picked && picked.value === value ? picked : null;
  const lookup = useEmployee(value && !known ? value : null);
  const current: Option | null =
    known ?? (lookup.data && lookup.data.id === value ? { value: lookup.data.id, label: lookup.data.name, description: lookup.data.unit.name } : null);
  const typed = current && search === current.label ? "" : search.trim();
  const [q] = useDebouncedValue(typed, 250);
  // Asks the server only while the list is open or the person types.
  const list = useEmployees({ q: q || undefined, status: activeOnly ? "active" : undefined, sort: "name", page: 1, pageSize: 20 }, opened || q !== "");
  const options = useMemo(() => {
    const out: Option[] = (list.data?.items ?? []).map((e) => ({ value: e.id, label: e.name, description: e.unit.name }));
    if (current && !out.some((o) => o.value === current.value)) out.unshift(current);
    return out;
  }, [list.data, current]);
  const describe = useMemo(() => new Map(options.map((o) => [o.value, o.description])), [options]);
  return (
    <Select
      searchable
      clearable
      placeholder={t("picker.placeholder")}
      nothingFoundMessage={list.isFetching ? t("picker.searching") : t("picker.nothing")}
      {...rest}
      data={options.map((o) => ({ value: o.value, label: o.label }))}
      value={value}
      onChange={(v) => {
        setPicked(options.find((o) => o.value === v) ?? null);
        onChange(v);
      }}
      onDropdownOpen={() => setOpened(true)}
      onDropdownClose={() => setOpened(false)}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      renderOption={({ option }) => (
        <div>
          <div>{option.label}</div>
          <div style={{ fontSize: "var(--mantine-font-size-xs)", color: "var(--mantine-color-dimmed)" }}>{describe.get(option.value)}</div>
        </div>
      )}
    />
  );
}
