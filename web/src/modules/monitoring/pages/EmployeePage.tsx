import { Anchor, Stack } from "@mantine/core";
import { IconArrowLeft } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { Loading } from "../../../ui/Loading";
import { PageHeader } from "../../../ui/PageHeader";
import { Section } from "../../../ui/Section";
import { useCalendar } from "../api";
import { CalendarHeatmap } from "../calendar/CalendarHeatmap";
import { TargetList } from "../calendar/TargetList";
import { isoDay } from "../trends/periods";

/** The first day of the month two months back and today: the last three calendar months. */
function lastThreeMonths(): { from: string; to: string } {
  const now = new Date();
  return { from: isoDay(new Date(now.getFullYear(), now.getMonth() - 2, 1)), to: isoDay(now) };
}

/** One employee over the last three months: their days as a calendar and their targets. */
export default function EmployeePage() {
  const { t } = useTranslation("monitoring");
  const { id = "" } = useParams();
  const range = lastThreeMonths();
  const cal = useCalendar(id, range.from, range.to);
  const c = cal.data;
  return (
    <>
      <Anchor component={Link} to="/monitoring" size="sm" mb="xs" style={{ display: "inline-flex", alignItems: "center", gap: 4 }}>
        <IconArrowLeft size={14} aria-hidden />
        {t("employee.back")}
      </Anchor>
      <PageHeader title={c ? c.employee.name : t("employee.title")} description={c?.employee.unitName ?? undefined} />
      <ErrorAlert error={cal.error} />
      {cal.isPending ? <Loading /> : null}
      {c ? (
        <Stack gap="md">
          <Section title={t("employee.calendar")} description={t("employee.calendarHint")}>
            <CalendarHeatmap days={c.days} from={c.from} to={c.to} />
          </Section>
          <Section title={t("employee.targets")} description={t("employee.targetsHint", { year: c.period })}>
            <TargetList targets={c.targets} />
          </Section>
        </Stack>
      ) : null}
    </>
  );
}
