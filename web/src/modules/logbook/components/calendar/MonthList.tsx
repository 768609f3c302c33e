import { Badge, Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { IconPencil, IconTrash } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { intlLocale } from "../../../../ui/format";
import type { CalendarDay, CalendarPeriod } from "../../targetsApi";

export type Entry = { what: "day"; entry: CalendarDay; from: string } | { what: "period"; entry: CalendarPeriod; from: string };

interface Props {
  entries: Entry[];
  canEdit: boolean;
  onEdit: (e: Entry) => void;
  onDelete: (e: Entry) => void;
  deletingId: string | null;
}

const KIND_COLOUR = { holiday: "red", cuti_bersama: "orange", ramadan: "teal" } as const;

/** The year's days off and periods, grouped under month headings. */
export function MonthList({ entries, canEdit, onEdit, onDelete, deletingId }: Props) {
  const { t, i18n } = useTranslation("logbook");
  const locale = intlLocale(i18n.language);
  const monthFmt = new Intl.DateTimeFormat(locale, { month: "long", year: "numeric", timeZone: "UTC" });
  const dayFmt = new Intl.DateTimeFormat(locale, { weekday: "long", day: "numeric", month: "long", timeZone: "UTC" });
  const at = (iso: string) => new Date(`${iso}T00:00:00Z`);
  const months = new Map<string, Entry[]>();
  for (const e of [...entries].sort((a, b) => a.from.localeCompare(b.from))) {
    const key = e.from.slice(0, 7);
    months.set(key, [...(months.get(key) ?? []), e]);
  }

  return (
    <Stack gap="md">
      {[...months].map(([month, list]) => (
        <section key={month} aria-labelledby={`month-${month}`}>
          <Title order={3} size="h5" id={`month-${month}`} mb="xs" tt="capitalize">
            {monthFmt.format(at(`${month}-01`))}
          </Title>
          <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: "none" }}>
            {list.map((e) => {
              const name = i18n.language === "en" ? e.entry.nameEn : e.entry.nameId;
              const when = e.what === "day" ? dayFmt.format(at(e.entry.date)) : `${dayFmt.format(at(e.entry.startsOn))} – ${dayFmt.format(at(e.entry.endsOn))}`;
              const kind = e.what === "day" ? e.entry.kind : "ramadan";
              return (
                <Paper component="li" key={e.entry.id} withBorder radius="sm" p="xs">
                  <Stack gap={4}>
                    <Group gap="xs" wrap="wrap">
                      <Badge variant="dot" color={KIND_COLOUR[kind]} styles={{ root: { color: "var(--mantine-color-text)" } }}>
                        {t(`calendar.kind.${kind}`)}
                      </Badge>
                      <Text size="sm" c="dimmed">
                        {when}
                      </Text>
                    </Group>
                    <Text fw={600} style={{ overflowWrap: "anywhere" }}>
                      {name}
                    </Text>
                    <Text size="xs" c="dimmed" style={{ overflowWrap: "anywhere" }}>
                      {t("calendar.legalBasis", { basis: e.entry.legalBasis })}
                    </Text>
                    {canEdit ? (
                      <Group gap="xs">
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          leftSection={<IconPencil size={14} aria-hidden />}
                          onClick={() => onEdit(e)}
                          aria-label={t("calendar.editNamed", { name })}
                        >
                          {t("calendar.edit")}
                        </Button>
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          color="red"
                          c="red.9"
                          leftSection={<IconTrash size={14} aria-hidden />}
                          onClick={() => onDelete(e)}
                          loading={deletingId === e.entry.id}
                          aria-label={t("calendar.deleteNamed", { name })}
                        >
                          {t("calendar.delete")}
                        </Button>
                      </Group>
                    ) : null}
                  </Stack>
                </Paper>
              );
            })}
          </Stack>
        </section>
      ))}
    </Stack>
  );
}
