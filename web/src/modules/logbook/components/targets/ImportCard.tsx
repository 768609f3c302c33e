import { Anchor, Button, FileInput, Group, Stack, Table, Text } from "@mantine/core";
import { IconDownload, IconUpload } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Section } from "../../../../ui/Section";
import { rowErrorsOf, useImportTargets } from "../../targetsApi";
import { LogbookError } from "../LogbookError";
import { Notice } from "../Notice";

/** HR: imports targets from the XLSX template, checked first (dry run), then for real. */
export function ImportCard() {
  const { t } = useTranslation("logbook");
  const [file, setFile] = useState<File | null>(null);
  const run = useImportTargets();
  const result = run.data;
  const rowErrors = rowErrorsOf(run.error);
  const checking = run.isPending && run.variables.dryRun;
  const importing = run.isPending && !run.variables.dryRun;

  const choose = (f: File | null) => {
    setFile(f);
    run.reset();
  };
  const send = (dryRun: boolean) => {
    if (file) run.mutate({ file, dryRun });
  };

  return (
    <Section title={t("targets.import.title")} description={t("targets.import.description")}>
      <Stack gap="sm">
        <Anchor href="/api/v1/targets/import/template.xlsx" download size="sm" style={{ display: "inline-flex", alignItems: "center", gap: 4 }}>
          <IconDownload size={16} aria-hidden />
          {t("targets.import.template")}
        </Anchor>
        <FileInput
          label={t("targets.import.file")}
          placeholder={t("targets.import.choose")}
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          value={file}
          onChange={choose}
          clearable
          clearButtonProps={{ "aria-label": t("targets.import.clear") }}
        />
        <Group gap="xs">
          <Button leftSection={<IconUpload size={16} aria-hidden />} variant="default" disabled={!file} loading={checking} onClick={() => send(true)}>
            {t("targets.import.check")}
          </Button>
          {result?.dryRun ? (
            <Button loading={importing} onClick={() => send(false)}>
              {t("targets.import.confirm")}
            </Button>
          ) : null}
        </Group>
        {result ? (
          <Notice color={result.dryRun ? "blue" : "green"} variant="light" role="status">
            <Text size="sm">
              {t(result.dryRun ? "targets.import.checked" : "targets.import.done", {
                rows: result.rows,
                targets: result.targets,
                created: result.created,
                updated: result.updated,
              })}
            </Text>
          </Notice>
        ) : null}
        {rowErrors.length > 0 ? (
          <Stack gap={4}>
            <Text size="sm" fw={600} c="red.8" role="alert">
              {t("targets.import.refused", { count: rowErrors.length })}
            </Text>
            <Table.ScrollContainer minWidth={300}>
              <Table striped withTableBorder fz="sm">
                <Table.Caption>{t("targets.import.errorsCaption")}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t("targets.import.row")}</Table.Th>
                    <Table.Th scope="col">{t("targets.import.column")}</Table.Th>
                    <Table.Th scope="col">{t("targets.import.message")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rowErrors.map((e, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: one row may carry several errors
                    <Table.Tr key={i}>
                      <Table.Td>{e.row}</Table.Td>
                      <Table.Td>{e.column}</Table.Td>
                      <Table.Td style={{ overflowWrap: "anywhere" }}>{e.message}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Stack>
        ) : (
          <LogbookError error={run.error} />
        )}
      </Stack>
    </Section>
  );
}
