import { List, Text } from "@mantine/core";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import type { Unit } from "../../org/types";

interface Props {
  action: string;
  changes: Record<string, unknown> | null;
  units: Map<string, Unit>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PLACEHOLDERS = new Set(["[redacted]", "[set]", "[old]", "[new]"]);

/** One recorded value in words: unit ids become unit names, codes become labels, id lists become counts. */
function describe(v: unknown, t: TFunction, units: Map<string, Unit>): string {
  if (v === null || v === undefined || v === "") return "—";
  if (typeof v === "boolean") return v ? t("yes") : t("no");
  if (typeof v === "number") return String(v);
  if (typeof v === "string") {
    if (PLACEHOLDERS.has(v)) return t(`hidden.${v.slice(1, -1)}`);
    const unit = units.get(v);
    if (unit) return unit.name;
    if (/^[a-z_]+$/.test(v)) return t(`values.${v}`, { defaultValue: v });
    return v;
  }
  if (Array.isArray(v)) {
    if (v.length && v.every((x) => typeof x === "string" && UUID.test(x) && !units.has(x))) return t("itemCount", { count: v.length });
    return v.length ? v.map((x) => describe(x, t, units)).join(", ") : "—";
  }
  return JSON.stringify(v);
}

/**
 * An update's `{ field: [before, after] }` as "field: before → after"; any
 * other payload (creations, imports) as "field: value".
 */
export function Changes({ action, changes, units }: Props) {
  const { t } = useTranslation("audit");
  const entries = Object.entries(changes ?? {});
  if (!entries.length) return <Text c="dimmed">—</Text>;
  const isUpdate = action.endsWith(".updated");

  return (
    <List size="sm" spacing={2} listStyleType="none" withPadding={false}>
      {entries.map(([field, value]) => (
        <List.Item key={field}>
          <Text span size="sm" fw={500}>
            {t(`fields.${field}`, { defaultValue: field })}:
          </Text>{" "}
          {isUpdate && Array.isArray(value) && value.length === 2 ? (
            <Text span size="sm">
              <Text span size="sm" td="line-through" c="dimmed">
                {describe(value[0], t, units)}
              </Text>
              {" → "}
              {describe(value[1], t, units)}
            </Text>
          ) : (
            <Text span size="sm">
              {describe(value, t, units)}
            </Text>
          )}
        </List.Item>
      ))}
    </List>
  );
}
