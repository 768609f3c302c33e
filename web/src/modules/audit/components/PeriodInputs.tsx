import { Grid, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";

interface Props {
  from: string;
  to: string;
  onChange: (patch: { from?: string; to?: string }) => void;
}

/** "From" and "to" days, both inclusive, in the viewer's own time zone; two columns of a filter grid. */
export function PeriodInputs({ from, to, onChange }: Props) {
  const { t } = useTranslation("audit");
  return (
    <>
      <Grid.Col span={{ base: 6, lg: 3 }}>
        <TextInput type="date" label={t("filters.from")} value={from} max={to || undefined} onChange={(e) => onChange({ from: e.currentTarget.value })} />
      </Grid.Col>
      <Grid.Col span={{ base: 6, lg: 3 }}>
        <TextInput type="date" label={t("filters.to")} value={to} min={from || undefined} onChange={(e) => onChange({ to: e.currentTarget.value })} />
      </Grid.Col>
    </>
  );
}
