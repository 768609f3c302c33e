import { Autocomplete, Button, NumberInput, Select, SimpleGrid, Stack, Switch, Text, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { useFieldErrors } from "../../../ui/fieldErrors";
import { useUnits } from "../../org/api";
import { UnitSelect } from "../../org/components/UnitSelect";
import { useAdminCourses, useRuns } from "../adminApi";
import { useCreateRule, usePositionNames } from "../rulesApi";

const num = (v: string | number) => (typeof v === "number" ? v : "");

/** A new rule: which run, and who is enrolled in it (any of unit subtree, position, new hires, all must match). */
export function RuleForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation("learning");
  const courses = useAdminCourses();
  const units = useUnits();
  const positions = usePositionNames();
  const create = useCreateRule();
  const [name, setName] = useState("");
  const [courseId, setCourseId] = useState<string | null>(null);
  const [runId, setRunId] = useState<string | null>(null);
  const [unitId, setUnitId] = useState<string | null>(null);
  const [position, setPosition] = useState("");
  const [months, setMonths] = useState<number | "">("");
  const [dueDays, setDueDays] = useState<number | "">("");
  const [active, setActive] = useState(true);
  const [local, setLocal] = useState<Record<string, string>>({});
  const runs = useRuns(courseId ?? "");
  const errors = useFieldErrors(create.error, local);
  const published = (courses.data ?? []).filter((c) => c.status === "published");
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        const mine: Record<string, string> = {};
        if (!courseId) mine.courseId = t("rules.needCourse");
        else if (!runId) mine.runId = t("rules.needRun");
        if (!unitId && !position.trim() && months === "") mine.unitId = t("rules.needCriterion");
        setLocal(mine);
        if (!runId || Object.keys(mine).length) return;
        const body = {
          runId,
          name: name.trim(),
          unitId,
          positionName: position.trim() || null,
          newHireMonths: months === "" ? null : months,
          dueDays: dueDays === "" ? null : dueDays,
          active,
        };
        create.mutate(body, { onSuccess: onDone });
      }}
    >
      <Stack gap="sm">
        <TextInput label={t("rules.name")} value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.name} required />
        <Select
          label={t("rules.course")}
          searchable
          data={published.map((c) => ({ value: c.id, label: c.title }))}
          value={courseId}
          onChange={(v) => {
            setCourseId(v);
            setRunId(null);
          }}
          nothingFoundMessage={t("paths.noMatch")}
          error={errors.courseId}
          withAsterisk
        />
        <Select
          label={t("rules.run")}
          data={(runs.data ?? []).map((r) => ({ value: r.id, label: r.title || t(r.kind === "self_paced" ? "run.selfPaced" : "run.cohort") }))}
          value={runId}
          onChange={setRunId}
          disabled={!courseId}
          error={errors.runId}
          withAsterisk
        />
        <Text size="sm" fw={600}>
          {t("rules.who")}
        </Text>
        <Text size="xs" c="dimmed" mt={-8}>
          {t("rules.whoHint")}
        </Text>
        <UnitSelect
          label={t("rules.unit")}
          description={t("rules.unitHint")}
          units={units.data ?? []}
          value={unitId}
          onChange={setUnitId}
          clearable
          error={errors.unitId}
        />
        <Autocomplete label={t("rules.position")} data={positions.data ?? []} value={position} onChange={setPosition} error={errors.positionName} />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <NumberInput
            label={t("rules.newHireMonths")}
            description={t("rules.newHireHint")}
            min={1}
            max={120}
            value={months}
            onChange={(v) => setMonths(num(v))}
            error={errors.newHireMonths}
          />
          <NumberInput
            label={t("rules.dueDays")}
            description={t("rules.dueDaysHint")}
            min={1}
            max={3650}
            value={dueDays}
            onChange={(v) => setDueDays(num(v))}
            error={errors.dueDays}
          />
        </SimpleGrid>
        <Switch label={t("rules.activeLabel")} checked={active} onChange={(e) => setActive(e.currentTarget.checked)} />
        <ErrorAlert error={Object.keys(errors).length ? null : create.error} />
        <Button type="submit" loading={create.isPending}>
          {t("rules.create")}
        </Button>
      </Stack>
    </form>
  );
}
