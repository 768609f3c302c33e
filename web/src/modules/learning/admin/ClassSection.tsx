import { Button, Group, Progress, Stack, Table, Text, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { useFormat } from "../../../ui/format";
import { EmployeePicker } from "../../org/components/EmployeePicker";
import { useEnrolPeople } from "../adminApi";
import type { ClassMember } from "../adminTypes";
import { dateOnly } from "../dates";

/** The run's class list with progress, and enrolling someone with a deadline (admins, HR). */
export function ClassSection({ runId, learners, canEnrol }: { runId: string; learners: ClassMember[]; canEnrol: boolean }) {
  const { t } = useTranslation("learning");
  const format = useFormat();
  const enrol = useEnrolPeople(runId);
  const [employeeId, setEmployeeId] = useState<string | null>(null);
  const [dueOn, setDueOn] = useState("");
  return (
    <Stack gap="sm">
      {learners.length === 0 ? <Text c="dimmed">{t("run.emptyClass")}</Text> : null}
      {learners.length ? (
        <Table.ScrollContainer minWidth={320}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("run.learner")}</Table.Th>
                <Table.Th>{t("run.progress")}</Table.Th>
                <Table.Th>{t("run.due")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {learners.map((m) => (
                <Table.Tr key={m.enrolmentId}>
                  <Table.Td>
                    {m.name}
                    {m.unitName ? (
                      <Text size="xs" c="dimmed">
                        {m.unitName}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td miw={100}>
                    <Progress value={m.progressPct} aria-label={t("dashboard.progressOf", { course: m.name, percent: Math.round(m.progressPct) })} />
                    <Text size="xs">{Math.round(m.progressPct)}%</Text>
                  </Table.Td>
                  <Table.Td>{m.dueOn ? dateOnly(m.dueOn, format) : "—"}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      {canEnrol ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (employeeId) enrol.mutate({ employeeIds: [employeeId], dueOn: dueOn || null }, { onSuccess: () => setEmployeeId(null) });
          }}
        >
          <Group align="flex-end" gap="xs" wrap="wrap">
            <EmployeePicker label={t("run.enrolPerson")} value={employeeId} onChange={setEmployeeId} activeOnly style={{ flex: "1 1 12rem" }} />
            <TextInput type="date" label={t("run.due")} value={dueOn} onChange={(e) => setDueOn(e.currentTarget.value)} />
            <Button type="submit" disabled={!employeeId} loading={enrol.isPending}>
              {t("run.enrol")}
            </Button>
          </Group>
          <ErrorAlert error={enrol.error} />
        </form>
      ) : null}
    </Stack>
  );
}
