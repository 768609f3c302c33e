import { Anchor, Group } from "@mantine/core";
import { IconArrowLeft } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams, useSearchParams } from "react-router";
import { Loading } from "../../../ui/Loading";
import { PageHeader } from "../../../ui/PageHeader";
import { useEmployee } from "../api";
import { EmployeeForm } from "../components/EmployeeForm";
import { ErrorAlert } from "../components/ErrorAlert";
import { notifySaved } from "../notify";

/** /org/employees/new and /org/employees/:id/edit. */
export default function EmployeeFormPage() {
  const { t } = useTranslation("org");
  const { id } = useParams();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const existing = useEmployee(id);
  const back = id ? `/org/employees/${id}` : "/org/employees";

  return (
    <>
      <Anchor component={Link} to={back} size="sm" mb="xs" display="inline-block">
        <Group gap={4} component="span">
          <IconArrowLeft size={14} aria-hidden />
          {t("actions.back")}
        </Group>
      </Anchor>
      <PageHeader title={id ? t("form.editTitle", { name: existing.data?.name ?? "" }) : t("form.newTitle")} />
      <ErrorAlert error={existing.error} />
      {id && existing.isLoading ? (
        <Loading />
      ) : (
        (!id || existing.data) && (
          <EmployeeForm
            key={existing.data?.id ?? "new"}
            employee={existing.data ?? null}
            initialUnitId={params.get("unit")}
            onCancel={() => void navigate(back)}
            onSaved={(e) => {
              notifySaved(id ? t("form.saved", { name: e.name }) : t("form.created", { name: e.name }));
              void navigate(`/org/employees/${e.id}`);
            }}
          />
        )
      )}
    </>
  );
}
