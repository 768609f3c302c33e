import { Button, Card, Stepper, Text } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import { IconArrowBackUp } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { PageHeader } from "../../../ui/PageHeader";
import { ErrorAlert } from "../components/ErrorAlert";
import { IMPORT_FINISHED, type ImportJob, type ImportMode } from "../types";
import { useImportJob, useStartImport } from "./api";
import { FileStep } from "./FileStep";
import { ImportResult } from "./ImportResult";
import { JobProgress } from "./JobProgress";
import { ModeChoice } from "./ModeChoice";
import { RecentImports } from "./RecentImports";

/**
 * Organisation › Import: choose a file, dry-run it, read the report, then
 * import it (the same File object is uploaded again) and read the result.
 * The step shown follows from the two jobs, so it survives re-renders.
 */
function ImportWizard() {
  const { t } = useTranslation("org");
  const phone = useMediaQuery("(max-width: 40em)");
  const [file, setFile] = useState<File | null>(null);
  const [dryId, setDryId] = useState<string | null>(null);
  const [realId, setRealId] = useState<string | null>(null);
  const startDry = useStartImport();
  const startReal = useStartImport();
  const dry = useImportJob(dryId);
  const real = useImportJob(realId);

  const finished = (job: ImportJob | undefined) => Boolean(job && IMPORT_FINISHED.includes(job.status));
  const active = !dryId ? 0 : !finished(dry.data) ? 1 : !realId ? 2 : !finished(real.data) ? 3 : 4;

  const restart = () => {
    setDryId(null);
    setRealId(null);
    startDry.reset();
    startReal.reset();
  };
  const check = () => {
    if (file) startDry.mutate({ file, mode: "valid_rows", dryRun: true }, { onSuccess: (job) => setDryId(job.id) });
  };
  const importWith = (mode: ImportMode) => {
    if (file) startReal.mutate({ file, mode, dryRun: false }, { onSuccess: (job) => setRealId(job.id) });
  };
  const chooseFile = (f: File | null) => {
    setFile(f);
    startDry.reset();
  };

  const steps = [
    { key: "file", content: <FileStep file={file} onFile={chooseFile} onCheck={check} checking={startDry.isPending} error={startDry.error} /> },
    {
      key: "dryRun",
      content: (
        <>
          <JobProgress job={dry.data} />
          <ErrorAlert error={dry.error} />
        </>
      ),
    },
    {
      key: "choose",
      content: dry.data && (
        <ModeChoice dryRun={dry.data} onChoose={importWith} busy={startReal.isPending} error={startReal.error ?? dry.error}>
          <Button variant="subtle" leftSection={<IconArrowBackUp size={16} />} onClick={restart} w="fit-content">
            {t("import.otherFile")}
          </Button>
        </ModeChoice>
      ),
    },
    {
      key: "import",
      content: (
        <>
          <JobProgress job={real.data} />
          <ErrorAlert error={real.error} />
        </>
      ),
    },
  ];

  return (
    <Card withBorder padding={phone ? "sm" : "lg"}>
      {phone && active < steps.length && (
        <Text size="sm" fw={600} mb="xs">
          {t("import.stepOf", { n: active + 1, total: steps.length, label: t(`import.steps.${steps[active].key}`) })}
        </Text>
      )}
      <Stepper active={active} size={phone ? "xs" : "sm"} allowNextStepsSelect={false}>
        {steps.map((s) => (
          <Stepper.Step
            key={s.key}
            label={phone ? undefined : t(`import.steps.${s.key}`)}
            description={phone ? undefined : t(`import.steps.${s.key}Hint`)}
            aria-label={phone ? t(`import.steps.${s.key}`) : undefined}
          >
            {s.content}
          </Stepper.Step>
        ))}
        <Stepper.Completed>
          {real.data && (
            <ImportResult
              job={real.data}
              onAgain={() => {
                restart();
                setFile(null);
              }}
            />
          )}
        </Stepper.Completed>
      </Stepper>
    </Card>
  );
}

export default function ImportPage() {
  const { t } = useTranslation("org");
  return (
    <>
      <PageHeader title={t("import.title")} description={t("import.description")} />
      <ImportWizard />
      <RecentImports />
    </>
  );
}
