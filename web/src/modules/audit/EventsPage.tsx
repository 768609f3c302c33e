import { Autocomplete, Button, Grid, Group, Loader, Text } from "@mantine/core";
import { useDebouncedCallback } from "@mantine/hooks";
import { IconX } from "@tabler/icons-react";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { PageHeader } from "../../ui/PageHeader";
import { useUnits } from "../org/api";
import { EmployeePicker } from "../org/components/EmployeePicker";
import { ErrorAlert } from "../org/components/ErrorAlert";
import { formatNumber } from "../org/format";
import { dayStart, useAuditEvents } from "./api";
import { EventList } from "./components/EventList";
import { Pager } from "./components/Pager";
import { PeriodInputs } from "./components/PeriodInputs";
import { useFilterParams } from "./useFilterParams";

const PAGE_SIZE = 25;
const KNOWN_ACTIONS = [
  "employee.",
  "employee.created",
  "employee.updated",
  "unit.",
  "unit.created",
  "unit.updated",
  "position.",
  "acting.",
  "grant.",
  "import.",
  "auth.",
  "auth.password_reset",
  "agency.",
];

/** Audit › Changes: who changed what, when. */
export default function EventsPage() {
  const { t } = useTranslation("audit");
  const { values, page, update } = useFilterParams(["action", "from", "to", "subject"] as const);
  const [action, setAction] = useState(values.action);
  const commitAction = useDebouncedCallback((v: string) => update({ action: v.trim() }), 300);
  const units = useUnits();
  const unitMap = useMemo(() => new Map((units.data ?? []).map((u) => [u.id, u])), [units.data]);

  const events = useAuditEvents({
    action: values.action || undefined,
    subjectId: values.subject || undefined,
    from: dayStart(values.from),
    to: dayStart(values.to, 1),
    page,
    pageSize: PAGE_SIZE,
  });

  return (
    <>
      <PageHeader title={t("events.title")} description={t("events.description")} />
      <Grid gutter="sm" mb="md">
        <Grid.Col span={{ base: 12, sm: 6, lg: 3 }}>
          <Autocomplete
            label={t("filters.action")}
            placeholder={t("filters.actionPlaceholder")}
            data={KNOWN_ACTIONS}
            value={action}
            onChange={(v) => {
              setAction(v);
              commitAction(v);
            }}
            clearable
          />
        </Grid.Col>
        <PeriodInputs from={values.from} to={values.to} onChange={update} />
        <Grid.Col span={{ base: 12, sm: 6, lg: 3 }}>
          <EmployeePicker label={t("filters.subject")} value={values.subject || null} onChange={(id) => update({ subject: id ?? "" })} />
        </Grid.Col>
      </Grid>
      {values.subject && (
        <Button variant="light" size="xs" mb="sm" rightSection={<IconX size={14} aria-hidden />} onClick={() => update({ subject: "" })}>
          {t("filters.clearSubject")}
        </Button>
      )}
      <ErrorAlert error={events.error} />
      <Group justify="space-between" mb="xs">
        <Text size="sm" c="dimmed" role="status">
          {events.data ? t("events.total", { count: events.data.total, formatted: formatNumber(events.data.total) }) : ""}
        </Text>
        {events.isFetching && <Loader size="xs" aria-hidden />}
      </Group>
      <EventList items={events.data?.items ?? []} units={unitMap} onOnlySubject={(id) => update({ subject: id })} />
      {events.data && !events.data.items.length && (
        <Text c="dimmed" ta="center" py="md">
          {t("empty")}
        </Text>
      )}
      <Pager total={events.data?.total ?? 0} pageSize={PAGE_SIZE} page={page} onPage={(p) => update({ page: p })} />
    </>
  );
}
