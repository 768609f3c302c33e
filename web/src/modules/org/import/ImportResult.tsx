import { Alert, Button, Group, Stack } from "@mantine/core";
import { IconFileImport, IconUsers } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { translateServerMessage } from "../errors";
import type { ImportJob } from "../types";
import { ImportCounts } from "./ImportCounts";
import { ImportErrorsTable } from "./ImportErrorsTable";

/** Step 4: what the import did. */
export function ImportResult({ job, onAgain }: { job: ImportJob; onAgain: () => void }) {
  const { t } = useTranslation("org");
  const ok = job.status === "done";
  return (
    <Stack>
      <Alert color={ok ? "green" : "red"} title={t(`import.result.${job.status}`)}>
        {ok
          ? t("import.result.doneBody", { created: job.createdCount, updated: job.updatedCount })
          : job.message
            ? translateServerMessage(t, job.message)
            : t(`import.result.${job.status}Body`)}
      </Alert>
      {ok && <ImportCounts job={job} />}
      <ImportErrorsTable errors={job.errors} />
      <Group>
        <Button component={Link} to="/org/employees" leftSection={<IconUsers size={16} />}>
          {t("import.toEmployees")}
        </Button>
        <Button variant="default" onClick={onAgain} leftSection={<IconFileImport size={16} />}>
          {t("import.again")}
        </Button>
      </Group>
    </Stack>
  );
}
