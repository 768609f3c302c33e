import { SimpleGrid, Stack } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Section } from "../../../ui/Section";
import { type Bucket, bucketLabel } from "../buckets";
import type { Counts } from "../types";
import { MODES, REPORT_STATUSES } from "../types";
import { CountButton } from "./CountButton";
import { OfficeGauge } from "./OfficeGauge";

interface Props {
  counts: Counts;
  /** Health officers may open the list of the not cleared; everyone else sees the count only. */
  healthNames: boolean;
  onOpen: (bucket: Bucket) => void;
}

/** The board's stat cards: attendance, modes, roster, health, reports and office occupancy. */
export function BoardSummary({ counts: c, healthNames, onOpen }: Props) {
  const { t } = useTranslation("monitoring");
  const card = (bucket: Bucket, count: number, colour?: string) => (
    <CountButton key={bucket} label={bucketLabel(t, bucket)} count={count} onOpen={() => onOpen(bucket)} colour={colour} />
  );
  return (
    <Stack gap="md">
      <Section title={t("board.attendance")}>
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs">
          {card("checked_in", c.checkedIn)}
          {card("not_checked_in", c.notCheckedIn, c.notCheckedIn > 0 ? "orange.9" : undefined)}
          {card("late", c.late, c.late > 0 ? "red.9" : undefined)}
          {card("checked_out", c.checkedOut)}
        </SimpleGrid>
      </Section>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Section title={t("board.modes")}>
          <SimpleGrid cols={{ base: 2, xs: 3, md: 5 }} spacing="xs">
            {MODES.map((m) => card(`mode:${m}`, c.modes[m]))}
          </SimpleGrid>
        </Section>
        <Section title={t("board.roster")} description={t("board.rosterHint")}>
          <SimpleGrid cols={3} spacing="xs">
            <CountButton label={t("roster.matched")} count={c.roster.matched} />
            {card("roster:differs", c.roster.differs, c.roster.differs > 0 ? "orange.9" : undefined)}
            <CountButton label={t("roster.unrostered")} count={c.roster.unrostered} />
          </SimpleGrid>
        </Section>
        <Section title={t("board.health")} description={t("board.healthHint")}>
          <SimpleGrid cols={3} spacing="xs">
            <CountButton label={t("health.filled")} count={c.health.filled} />
            {card("health:not_filled", c.health.notFilled)}
            {healthNames ? (
              card("health:not_cleared", c.health.notCleared, c.health.notCleared > 0 ? "red.9" : undefined)
            ) : (
              <CountButton label={bucketLabel(t, "health:not_cleared")} count={c.health.notCleared} colour={c.health.notCleared > 0 ? "red.9" : undefined} />
            )}
          </SimpleGrid>
        </Section>
        <Section title={t("board.office")}>
          <Stack gap="sm">
            {card("office", c.office.present)}
            <OfficeGauge counts={c} />
          </Stack>
        </Section>
      </SimpleGrid>
      <Section title={t("board.reports")}>
        <SimpleGrid cols={{ base: 2, xs: 3, sm: 5 }} spacing="xs">
          {REPORT_STATUSES.map((s) => card(`report:${s}`, c.reports[s]))}
        </SimpleGrid>
      </Section>
    </Stack>
  );
}
