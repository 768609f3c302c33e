import { Button, Code, FileInput, Group, Stack, Text } from "@mantine/core";
import { IconDownload, IconFileSpreadsheet, IconPlayerPlay } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../components/ErrorAlert";
import { MAX_UPLOAD_BYTES, templateUrl } from "./api";

export const TEMPLATE_COLUMNS = ["nip", "nama", "email", "telepon", "kode_unit", "jabatan", "jenis_pegawai", "status", "nip_atasan"];

interface Props {
  file: File | null;
  onFile: (file: File | null) => void;
  onCheck: () => void;
  checking: boolean;
  error: unknown;
}

/** Step 1: the templates to fill in, and the file to check. */
export function FileStep({ file, onFile, onCheck, checking, error }: Props) {
  const { t } = useTranslation("org");
  const tooLarge = Boolean(file && file.size > MAX_UPLOAD_BYTES);
  return (
    <Stack>
      <Text size="sm">{t("import.templateIntro")}</Text>
      <Group gap="sm">
        <Button component="a" href={templateUrl("csv")} download variant="default" leftSection={<IconDownload size={16} />}>
          {t("import.templateCsv")}
        </Button>
        <Button component="a" href={templateUrl("xlsx")} download variant="default" leftSection={<IconDownload size={16} />}>
          {t("import.templateXlsx")}
        </Button>
      </Group>
      <Text size="sm" c="dimmed">
        {t("import.columnsHint")}{" "}
        {TEMPLATE_COLUMNS.map((c, i) => (
          <span key={c}>
            <Code>{c}</Code>
            {i < TEMPLATE_COLUMNS.length - 1 ? " " : ""}
          </span>
        ))}
      </Text>
      <FileInput
        label={t("import.file")}
        description={t("import.fileHint")}
        placeholder={t("import.filePlaceholder")}
        accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
        clearable
        clearButtonProps={{ "aria-label": t("import.clearFile") }}
        styles={{ placeholder: { color: "var(--mantine-color-dimmed)" } }}
        value={file}
        onChange={onFile}
        error={tooLarge ? t("serverMessages.fileTooLarge") : undefined}
      />
      <ErrorAlert error={error} />
      <Group justify="flex-end">
        <Button onClick={onCheck} disabled={!file || tooLarge} loading={checking} leftSection={<IconPlayerPlay size={16} />}>
          {t("import.check")}
        </Button>
      </Group>
    </Stack>
  );
}
