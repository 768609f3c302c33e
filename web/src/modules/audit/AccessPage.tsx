import { Grid, Group, Loader, Select, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { PageHeader } from "../../ui/PageHeader";
import { EmployeePicker } from "../org/components/EmployeePicker";
import { ErrorAlert } from "../org/components/ErrorAlert";
import { formatNumber } from "../org/format";
import { ACCESS_CATEGORIES, type AccessCategory, dayStart, useAccessLog } from "./api";
import { AccessList } from "./components/AccessList";
import { Pager } from "./components/Pager";
import { PeriodInputs } from "./components/PeriodInputs";
import { useFilterParams } from "./useFilterParams";

const PAGE_SIZE = 25;

/** Audit › Data access: every read of sensitive personal data (UU 27/2022). */
export default function AccessPage() {
  const { t } = useTranslation("audit");
  const { values, page, update } = useFilterParams(["category", "from", "to", "subject"] as const);
  const log = useAccessLog({
    category: (values.category as AccessCategory) || undefined,
    subjectEmployeeId: values.subject || undefined,
    from: dayStart(values.from),
    to: dayStart(values.to, 1),
    page,
    pageSize: PAGE_SIZE,
  });

  return (
    <>
      <PageHeader title={t("access.title")} description={t("access.description")} />
      <Grid gutter="sm" mb="md">
        <Grid.Col span={{ base: 12, sm: 6, lg: 3 }}>
          <Select
            label={t("filters.category")}
            placeholder={t("filters.anyCategory")}
            clearable
            data={ACCESS_CATEGORIES.map((c) => ({ value: c, label: t(`categories.${c}`) }))}
            value={values.category || null}
            onChange={(v) => update({ category: v ?? "" })}
          />
        </Grid.Col>
        <PeriodInputs from={values.from} to={values.to} onChange={update} />
        <Grid.Col span={{ base: 12, sm: 6, lg: 3 }}>
          <EmployeePicker label={t("filters.subject")} value={values.subject || null} onChange={(id) => update({ subject: id ?? "" })} />
        </Grid.Col>
      </Grid>
      <ErrorAlert error={log.error} />
      <Group justify="space-between" mb="xs">
        <Text size="sm" c="dimmed" role="status">
          {log.data ? t("access.total", { count: log.data.total, formatted: formatNumber(log.data.total) }) : ""}
        </Text>
        {log.isFetching && <Loader size="xs" aria-hidden />}
      </Group>
      <AccessList items={log.data?.items ?? []} />
      {log.data && !log.data.items.length && (
        <Text c="dimmed" ta="center" py="md">
          {t("empty")}
        </Text>
      )}
      <Pager total={log.data?.total ?? 0} pageSize={PAGE_SIZE} page={page} onPage={(p) => update({ page: p })} />
    </>
  );
}
