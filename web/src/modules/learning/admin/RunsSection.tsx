import { Anchor, Badge, Button, Card, Group, NumberInput, SegmentedControl, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { useFieldErrors } from "../../../ui/fieldErrors";
import { useFormat } from "../../../ui/format";
import { Loading } from "../../../ui/Loading";
import { useCreateRun, useRuns } from "../adminApi";
import { dateOnly } from "../dates";

/** The course's runs, each linking to its class list, grading and attendance; and a form for a new one. */
export function RunsSection({ courseId }: { courseId: string }) {
  const { t } = useTranslation("learning");
  const format = useFormat();
  const q = useRuns(courseId);
  return (
    <Stack gap="sm">
      <ErrorAlert error={q.error} />
      {q.isPending ? <Loading /> : null}
      {q.data?.length === 0 ? <Text c="dimmed">{t("course.noRuns")}</Text> : null}
      <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: "none" }} aria-label={t("course.runs")}>
        {(q.data ?? []).map((r) => (
          <Card key={r.id} withBorder component="li" padding="sm">
            <Group justify="space-between" wrap="wrap" gap="xs">
              <Anchor component={Link} to={`/learning/admin/runs/${r.id}`} fw={600}>
                {r.title || t(r.kind === "self_paced" ? "run.selfPaced" : "run.cohort")}
              </Anchor>
              <Badge variant="light">{t(r.kind === "self_paced" ? "run.selfPaced" : "run.cohort")}</Badge>
            </Group>
            {r.startsOn ? (
              <Text size="sm" c="dimmed">
                {dateOnly(r.startsOn, format)} – {r.endsOn ? dateOnly(r.endsOn, format) : "…"}
              </Text>
            ) : null}
            {r.facilitators.length ? (
              <Text size="xs" c="dimmed">
                {t("course.facilitators")}: {r.facilitators.map((f) => f.name).join(", ")}
              </Text>
            ) : null}
          </Card>
        ))}
      </Stack>
      <NewRunForm courseId={courseId} />
    </Stack>
  );
}

function NewRunForm({ courseId }: { courseId: string }) {
  const { t } = useTranslation("learning");
  const create = useCreateRun(courseId);
  const [kind, setKind] = useState<"self_paced" | "cohort">("self_paced");
  const [title, setTitle] = useState("");
  const [startsOn, setStartsOn] = useState("");
  const [endsOn, setEndsOn] = useState("");
  const [days, setDays] = useState<number | "">(30);
  const [capacity, setCapacity] = useState<number | "">("");
  const errors = useFieldErrors(create.error);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        create.mutate({
          kind,
          title: title.trim(),
          startsOn: kind === "cohort" ? startsOn || null : null,
          endsOn: kind === "cohort" ? endsOn || null : null,
          selfPacedDays: kind === "self_paced" && days !== "" ? days : null,
          capacity: capacity === "" ? null : capacity,
          facilitatorIds: [],
        });
      }}
    >
      <Stack gap="sm">
        <Text fw={600}>{t("run.new")}</Text>
        <SegmentedControl
          aria-label={t("run.kind")}
          value={kind}
          onChange={(v) => setKind(v === "cohort" ? "cohort" : "self_paced")}
          data={[
            { value: "self_paced", label: t("run.selfPaced") },
            { value: "cohort", label: t("run.cohort") },
          ]}
        />
        <TextInput label={t("run.title")} value={title} onChange={(e) => setTitle(e.currentTarget.value)} error={errors.title} />
        {kind === "cohort" ? (
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <TextInput type="date" label={t("run.startsOn")} value={startsOn} onChange={(e) => setStartsOn(e.currentTarget.value)} error={errors.startsOn} />
            <TextInput type="date" label={t("run.endsOn")} value={endsOn} onChange={(e) => setEndsOn(e.currentTarget.value)} error={errors.endsOn} />
          </SimpleGrid>
        ) : (
          <NumberInput
            label={t("run.days")}
            min={1}
            value={days}
            onChange={(v) => setDays(typeof v === "number" ? v : "")}
            error={errors.selfPacedDays}
            maw={220}
          />
        )}
        <NumberInput label={t("run.capacity")} min={1} value={capacity} onChange={(v) => setCapacity(typeof v === "number" ? v : "")} maw={220} />
        <ErrorAlert error={Object.keys(errors).length ? null : create.error} />
        <Button type="submit" variant="light" loading={create.isPending} style={{ alignSelf: "flex-start" }}>
          {t("run.create")}
        </Button>
      </Stack>
    </form>
  );
}
