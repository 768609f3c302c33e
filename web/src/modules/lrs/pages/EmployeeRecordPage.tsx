import { Anchor, Group } from "@mantine/core";
import { IconArrowLeft } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { PageHeader } from "../../../ui/PageHeader";
import { useEmployee } from "../../org/api";
import { useEmployeeRecord } from "../api";
import { RecordList } from "../components/RecordList";

/** An employee's learning record, for HR and learning admins whose scope holds them (the server decides). */
export default function EmployeeRecordPage() {
  const { t } = useTranslation("lrs");
  const { id = "" } = useParams();
  const employee = useEmployee(id);
  const q = useEmployeeRecord(id);
  const title = t("record.employeeTitle", { name: employee.data?.name ?? "…" });
  return (
    <>
      <Anchor component={Link} to={`/org/employees/${id}`} size="sm" mb="xs" display="inline-block">
        <Group gap={4} component="span">
          <IconArrowLeft size={14} aria-hidden />
          {employee.data?.name ?? ""}
        </Group>
      </Anchor>
      <PageHeader title={title} description={t("record.employeeDescription")} />
      <RecordList query={q} label={title} />
    </>
  );
}
