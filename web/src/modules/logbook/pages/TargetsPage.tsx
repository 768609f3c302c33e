import { Button, Group, NativeSelect, Stack, Text } from "@mantine/core";
import { IconPlus } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Loading } from "../../../ui/Loading";
import { PageHeader } from "../../../ui/PageHeader";
import { Section } from "../../../ui/Section";
import { useMe } from "../../auth/hooks";
import { LogbookError } from "../components/LogbookError";
import { EmployeePicker } from "../components/targets/EmployeePicker";
import { ImportCard } from "../components/targets/ImportCard";
import { TargetCard } from "../components/targets/TargetCard";
import { TargetForm } from "../components/targets/TargetForm";
import { type FullTarget, type PickedEmployee, useArchiveTarget, useTargetList } from "../targetsApi";

const THIS_YEAR = new Date().getFullYear();
const YEARS = [THIS_YEAR + 1, THIS_YEAR, THIS_YEAR - 1, THIS_YEAR - 2].map(String);

/** "Sasaran kinerja (SKP)": one's targets (RHK) of a year; HR also manages others' and imports them. */
export default function TargetsPage() {
  const { t } = useTranslation("logbook");
  const me = useMe().data;
  const [period, setPeriod] = useState(String(THIS_YEAR));
  const [other, setOther] = useState<PickedEmployee | null>(null);
  const [editing, setEditing] = useState<FullTarget | "new" | null>(null);
  const employeeId = other?.id ?? me?.employeeId ?? null;
  const list = useTargetList(other?.id ?? null, period, employeeId !== null);
  const archive = useArchiveTarget();
  const isHr = Boolean(me?.can.manageOrg);
  const items = list.data ?? [];

  return (
    <>
      <PageHeader title={t("targets.title")} description={t("targets.description")} />
      <Stack gap="md">
        {isHr ? (
          <Section title={t("targets.picker.title")}>
            <EmployeePicker selected={other} onSelect={setOther} />
          </Section>
        ) : null}
        <Section title={other ? t("targets.listOf", { name: other.name }) : t("targets.mine")}>
          <Stack gap="sm">
            <Group justify="space-between" align="flex-end" gap="xs">
              <NativeSelect label={t("targets.period")} data={YEARS} value={period} onChange={(e) => setPeriod(e.currentTarget.value)} w={140} />
              {employeeId ? (
                <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing("new")}>
                  {t("targets.add")}
                </Button>
              ) : null}
            </Group>
            {list.isPending && employeeId ? <Loading /> : null}
            {list.data && items.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t("targets.none", { period })}
              </Text>
            ) : null}
            <Stack component="ul" gap="sm" m={0} p={0} style={{ listStyle: "none" }} aria-label={t("targets.listLabel", { period })}>
              {items.map((target) => (
                <TargetCard
                  key={target.id}
                  target={target}
                  onEdit={() => setEditing(target)}
                  onArchive={() => archive.mutate(target.id)}
                  archiving={archive.isPending && archive.variables === target.id}
                />
              ))}
            </Stack>
            <LogbookError error={list.error ?? archive.error} />
          </Stack>
        </Section>
        {isHr ? <ImportCard /> : null}
      </Stack>
      {editing && employeeId ? (
        <TargetForm
          key={editing === "new" ? "new" : editing.id}
          opened
          onClose={() => setEditing(null)}
          employeeId={employeeId}
          period={period}
          target={editing === "new" ? null : editing}
        />
      ) : null}
    </>
  );
}
