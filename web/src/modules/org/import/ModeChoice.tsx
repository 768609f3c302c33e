import { Alert, Button, Card, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { IconCircleCheck, IconShieldCheck } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../components/ErrorAlert";
import { translateServerMessage } from "../errors";
import type { ImportJob, ImportMode } from "../types";
import { ImportCounts, invalidRows } from "./ImportCounts";
import { ImportErrorsTable } from "./ImportErrorsTable";

interface Props {
  dryRun: ImportJob;
  onChoose: (mode: ImportMode) => void;
  busy: boolean;
  error: unknown;
  children?: ReactNode;
}

/** Step 3: the dry-run report, then how to import. */
export function ModeChoice({ dryRun, onChoose, busy, error, children }: Props) {
  const { t } = useTranslation("org");
  const invalid = invalidRows(dryRun);
  const valid = Math.max(0, dryRun.totalRows - invalid);
  const failed = dryRun.status === "failed" || dryRun.status === "rejected";
  return (
    <Stack>
      <Title order={2} size="h4">
        {t("import.reportTitle")}
      </Title>
      {failed ? (
        <Alert color="red" title={t(`import.status.${dryRun.status}`)}>
          {dryRun.message ? translateServerMessage(t, dryRun.message) : t("import.failedBody")}
        </Alert>
      ) : (
        <ImportCounts job={dryRun} />
      )}
      {invalid === 0 && !failed && <Alert color="green">{t("import.allValid", { count: valid })}</Alert>}
      <ImportErrorsTable errors={dryRun.errors} />
      {!failed && (
        <>
          <Title order={2} size="h4" mt="sm">
            {t("import.chooseMode")}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Card withBorder>
              <Text size="sm" mb="sm">
                {t("import.validRowsHint", { valid, invalid })}
              </Text>
              <Button fullWidth leftSection={<IconCircleCheck size={16} />} onClick={() => onChoose("valid_rows")} loading={busy} disabled={valid === 0}>
                {t("import.modeValidRows")}
              </Button>
            </Card>
            <Card withBorder>
              <Text size="sm" mb="sm">
                {t("import.allOrNothingHint")}
              </Text>
              <Button
                fullWidth
                variant="light"
                leftSection={<IconShieldCheck size={16} />}
                onClick={() => onChoose("all_or_nothing")}
                loading={busy}
                disabled={valid === 0}
              >
                {t("import.modeAllOrNothing")}
              </Button>
            </Card>
          </SimpleGrid>
        </>
      )}
      <ErrorAlert error={error} />
      {children}
    </Stack>
  );
}
