import { Button, Group, NativeSelect, Stack, Text } from "@mantine/core";
import { IconPlus } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Loading } from "../../../ui/Loading";
import { PageHeader } from "../../../ui/PageHeader";
import { Section } from "../../../ui/Section";
import { useMe } from "../../auth/hooks";
import { type Editing, EntryForm } from "../components/calendar/EntryForm";
import { type Entry, MonthList } from "../components/calendar/MonthList";
import { LogbookError } from "../components/LogbookError";
import { useCalendar, useDeleteCalendarEntry } from "../targetsApi";

const THIS_YEAR = new Date().getFullYear();
const YEARS = [THIS_YEAR - 1, THIS_YEAR, THIS_YEAR + 1].map(String);

/** "Kalender kerja": national holidays, cuti bersama and Ramadan of a year; operators keep it up to date. */
export default function CalendarPage() {
  const { t } = useTranslation("logbook");
  const me = useMe().data;
  const [year, setYear] = useState(THIS_YEAR);
  const [editing, setEditing] = useState<Editing | null>(null);
  const calendar = useCalendar(year);
  const remove = useDeleteCalendarEntry();
  const canEdit = Boolean(me?.isOperator);

  const entries: Entry[] = [
    ...(calendar.data?.days ?? []).map((d): Entry => ({ what: "day", entry: d, from: d.date })),
    ...(calendar.data?.periods ?? []).map((p): Entry => ({ what: "period", entry: p, from: p.startsOn })),
  ];
  const edit = (e: Entry) => setEditing(e.what === "day" ? { what: "day", entry: e.entry } : { what: "period", entry: e.entry });
  const del = (e: Entry) => remove.mutate({ what: e.what === "day" ? "days" : "periods", id: e.entry.id });

  return (
    <>
      <PageHeader title={t("calendar.title")} description={t("calendar.description")} />
      <Section title={t("calendar.yearTitle", { year })}>
        <Stack gap="md">
          <Group justify="space-between" align="flex-end" gap="xs">
            <NativeSelect label={t("calendar.year")} data={YEARS} value={String(year)} onChange={(e) => setYear(Number(e.currentTarget.value))} w={120} />
            {canEdit ? (
              <Group gap="xs">
                <Button size="sm" variant="default" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing({ what: "day", entry: null })}>
                  {t("calendar.addDay")}
                </Button>
                <Button
                  size="sm"
                  variant="default"
                  leftSection={<IconPlus size={16} aria-hidden />}
                  onClick={() => setEditing({ what: "period", entry: null })}
                >
                  {t("calendar.addPeriod")}
                </Button>
              </Group>
            ) : null}
          </Group>
          {calendar.isPending ? <Loading /> : null}
          {calendar.data && entries.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t("calendar.none", { year })}
            </Text>
          ) : null}
          <LogbookError error={calendar.error ?? remove.error} />
          <MonthList entries={entries} canEdit={canEdit} onEdit={edit} onDelete={del} deletingId={remove.isPending ? (remove.variables?.id ?? null) : null} />
        </Stack>
      </Section>
      {editing ? <EntryForm key={editing.entry?.id ?? editing.what} editing={editing} year={year} onClose={() => setEditing(null)} /> : null}
    </>
  );
}
