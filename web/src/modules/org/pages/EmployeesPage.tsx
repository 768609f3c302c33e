import { Button, Center, Group, Loader, Pagination, Text } from "@mantine/core";
import { IconFileImport, IconUserPlus } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { Loading } from "../../../ui/Loading";
import { PageHeader } from "../../../ui/PageHeader";
import { useMe } from "../../auth/hooks";
import { useEmployees, useUnits } from "../api";
import { EmployeeFilters, type EmployeeFilterValues } from "../components/EmployeeFilters";
import { EmployeeList } from "../components/EmployeeList";
import { ErrorAlert } from "../components/ErrorAlert";
import { formatNumber } from "../format";
import type { EmployeeQuery, EmployeeSort, EmployeeStatus, EmploymentType } from "../types";

const PAGE_SIZE = 25;

/** Organisation › Employees: search, filter, sort and page through the employees the viewer may see. */
export default function EmployeesPage() {
  const { t } = useTranslation("org");
  const me = useMe().data;
  const units = useUnits();
  const [params, setParams] = useSearchParams();
  const values: EmployeeFilterValues = {
    q: params.get("q") ?? "",
    unit: params.get("unit"),
    sub: params.get("sub") !== "0",
    status: params.get("status"),
    type: params.get("type"),
    sort: params.get("sort") ?? "name",
  };
  const page = Math.max(1, Number(params.get("page")) || 1);
  const query: EmployeeQuery = {
    q: values.q.trim() || undefined,
    unitId: values.unit ?? undefined,
    includeSubunits: values.unit ? values.sub : undefined,
    status: (values.status as EmployeeStatus | null) ?? undefined,
    employmentType: (values.type as EmploymentType | null) ?? undefined,
    sort: values.sort as EmployeeSort,
    page,
    pageSize: PAGE_SIZE,
  };
  const list = useEmployees(query);

  const update = (patch: Partial<EmployeeFilterValues> & { page?: number }) => {
    const next = { ...values, ...patch };
    const s = new URLSearchParams();
    if (next.q) s.set("q", next.q);
    if (next.unit) s.set("unit", next.unit);
    if (!next.sub) s.set("sub", "0");
    if (next.status) s.set("status", next.status);
    if (next.type) s.set("type", next.type);
    if (next.sort !== "name") s.set("sort", next.sort);
    if (patch.page && patch.page > 1) s.set("page", String(patch.page));
    setParams(s, { replace: true });
  };

  const total = list.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const canManage = Boolean(me?.can.manageOrg);

  return (
    <>
      <PageHeader
        title={t("employees.title")}
        actions={
          canManage && (
            <>
              <Button component={Link} to="/org/import" variant="default" leftSection={<IconFileImport size={16} />}>
                {t("nav.import")}
              </Button>
              <Button
                component={Link}
                to={values.unit ? `/org/employees/new?unit=${values.unit}` : "/org/employees/new"}
                leftSection={<IconUserPlus size={16} />}
              >
                {t("employees.add")}
              </Button>
            </>
          )
        }
      />
      <EmployeeFilters units={units.data ?? []} values={values} onChange={(patch) => update({ ...patch, page: 1 })} />
      <ErrorAlert error={list.error} />
      <Group justify="space-between" mb="xs">
        <Text size="sm" c="dimmed" role="status">
          {list.data ? t("employees.total", { count: total, formatted: formatNumber(total) }) : ""}
        </Text>
        {list.isFetching && <Loader size="xs" aria-hidden />}
      </Group>
      {list.isLoading ? (
        <Loading />
      ) : list.data?.items.length ? (
        <EmployeeList items={list.data.items} />
      ) : (
        list.data && (
          <Text c="dimmed" py="lg" ta="center">
            {t("employees.empty")}
          </Text>
        )
      )}
      {pages > 1 && (
        <Center mt="md">
          <Pagination
            total={pages}
            value={Math.min(page, pages)}
            onChange={(p) => update({ page: p })}
            siblings={0}
            getControlProps={(control) => ({ "aria-label": t(`pagination.${control}`) })}
            getItemProps={(p) => ({ "aria-label": t("pagination.page", { page: p }) })}
          />
        </Center>
      )}
    </>
  );
}
