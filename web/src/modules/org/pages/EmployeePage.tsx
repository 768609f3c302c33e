import { Anchor, Button, Grid, Group, Stack } from "@mantine/core";
import { IconArrowLeft, IconCertificate, IconHistory, IconPencil } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { Loading } from "../../../ui/Loading";
import { PageHeader } from "../../../ui/PageHeader";
import { useMe } from "../../auth/hooks";
import { readsRecords } from "../../lrs/routes";
import { useEmployee } from "../api";
import { EmployeeDetails } from "../components/EmployeeDetails";
import { ErrorAlert } from "../components/ErrorAlert";
import { GrantsCard } from "../components/GrantsCard";
import { ResetPasswordCard } from "../components/ResetPasswordCard";
import { ToneBadge } from "../components/ToneBadge";

/** One employee: details, supervisor, roles and the one-time password. */
export default function EmployeePage() {
  const { t } = useTranslation("org");
  const { id = "" } = useParams();
  const me = useMe().data;
  const employee = useEmployee(id);
  const canManage = Boolean(me?.can.manageOrg) && employee.data?.hasAccount !== undefined;
  const e = employee.data;

  return (
    <>
      <Anchor component={Link} to="/org/employees" size="sm" mb="xs" display="inline-block">
        <Group gap={4} component="span">
          <IconArrowLeft size={14} aria-hidden />
          {t("employee.back")}
        </Group>
      </Anchor>
      <ErrorAlert error={employee.error} />
      {employee.isLoading && <Loading />}
      {e && (
        <>
          <PageHeader
            title={e.name}
            description={[e.position?.name, e.unit.name].filter(Boolean).join(" · ")}
            actions={
              <>
                <ToneBadge color={e.status === "active" ? "green" : "gray"}>{t(`status.${e.status}`)}</ToneBadge>
                {me?.can.viewAudit && (
                  <Button component={Link} to={`/audit/events?subject=${e.id}`} variant="default" size="sm" leftSection={<IconHistory size={16} />}>
                    {t("employee.history")}
                  </Button>
                )}
                {me && readsRecords(me) && (
                  <Button component={Link} to={`/lrs/employees/${e.id}/record`} variant="default" size="sm" leftSection={<IconCertificate size={16} />}>
                    {t("lrs:record.open")}
                  </Button>
                )}
                {canManage && (
                  <Button component={Link} to={`/org/employees/${e.id}/edit`} size="sm" leftSection={<IconPencil size={16} />}>
                    {t("actions.edit")}
                  </Button>
                )}
              </>
            }
          />
          <Grid gutter="md">
            <Grid.Col span={{ base: 12, md: canManage ? 7 : 12 }}>
              <EmployeeDetails employee={e} />
            </Grid.Col>
            {canManage && (
              <Grid.Col span={{ base: 12, md: 5 }}>
                <Stack>
                  <GrantsCard employee={e} />
                  <ResetPasswordCard employee={e} />
                </Stack>
              </Grid.Col>
            )}
          </Grid>
        </>
      )}
    </>
  );
}
