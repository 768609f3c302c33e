import { Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Me } from "../../../api/types";
import { type DataItem, DataList } from "../../../ui/DataList";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { intlLocale, useFormat } from "../../../ui/format";
import { Loading } from "../../../ui/Loading";
import { Section } from "../../../ui/Section";
import { useOwnEmployee } from "../api";
import type { OwnEmployee } from "../types";

function useItems(e: OwnEmployee): DataItem[] {
  const { t, i18n } = useTranslation("profile");
  const format = useFormat();
  const dash = "—";
  const month = (ym: string) =>
    new Intl.DateTimeFormat(intlLocale(i18n.language), { month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(`${ym}-01T00:00:00Z`));
  return [
    { label: t("own.name"), value: e.name },
    { label: t("own.nip"), value: e.nip },
    { label: t("own.email"), value: e.email ?? dash },
    { label: t("own.phone"), value: e.phone ?? dash },
    { label: t("own.unit"), value: e.unit.name },
    { label: t("own.position"), value: e.position?.name ?? dash },
    { label: t("own.employmentType"), value: e.employmentType },
    { label: t("own.status"), value: t(`own.statuses.${e.status}`) },
    { label: t("own.birthDate"), value: e.birthDate ? format.date(`${e.birthDate}T12:00:00Z`) : dash },
    { label: t("own.gender"), value: e.gender ? t(`own.genders.${e.gender}`) : dash },
    { label: t("own.appointedOn"), value: e.appointedOn ? month(e.appointedOn) : dash },
  ];
}

function EmployeeData({ employee }: { employee: OwnEmployee }) {
  return <DataList items={useItems(employee)} />;
}

function OwnDataBody({ me }: { me: Me }) {
  const { t } = useTranslation("profile");
  const employee = useOwnEmployee(me.employeeId);
  if (!me.employeeId) {
    return (
      <DataList
        items={[
          { label: t("own.name"), value: me.displayName },
          { label: t("own.account"), value: t("own.noEmployee") },
        ]}
      />
    );
  }
  if (employee.error) return <ErrorAlert error={employee.error} />;
  if (!employee.data) return <Loading />;
  return <EmployeeData employee={employee.data} />;
}

/** One's own record; the NIP is shown in full because the viewer is its owner. */
export function OwnDataSection({ me }: { me: Me }) {
  const { t } = useTranslation("profile");
  return (
    <Section title={t("own.title")} description={me.employeeId ? t("own.intro") : undefined}>
      <OwnDataBody me={me} />
      {me.agencyName ? (
        <Text size="xs" c="dimmed" mt="md">
          {t("own.agency", { name: me.agencyName })}
        </Text>
      ) : null}
    </Section>
  );
}
