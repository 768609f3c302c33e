import { Anchor, Button, Group, Progress, Stack, Text } from "@mantine/core";
import { IconDownload } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../../api/client";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { DIRECT_EXPORT_LIMIT, useExportJob, useStartExport } from "../api";
import { fetchFile } from "../download";
import type { ExportFormat, ExportKind } from "../types";

interface Props {
  /** The export job that builds the same file when it is too long to build on the spot (none: the file is always small). */
  kind?: ExportKind;
  formats: ExportFormat[];
  /** The API path (after /api/v1) that answers the file in the given format. */
  urlOf: (format: ExportFormat) => string;
  /** What the export job needs to build the same file. */
  params: Record<string, string | number>;
  /** Base of the file name when the server names none. */
  name: string;
  /** Rows in the list, when known: above the direct limit the export job starts at once. */
  total?: number;
  disabled?: boolean;
}

/** "Unduh XLSX" / "Unduh CSV" buttons: the file at once, or an export job with a progress bar for long lists. */
export function ExportButtons({ kind, formats, urlOf, params, name, total, disabled }: Props) {
  const { t } = useTranslation("monitoring");
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const start = useStartExport();

  const download = async (format: ExportFormat) => {
    setBusy(format);
    setError(null);
    setJobId(null);
    try {
      const direct = total === undefined || total <= DIRECT_EXPORT_LIMIT ? await fetchFile(urlOf(format), `${name}.${format}`) : "too_large";
      if (direct === "too_large") {
        if (!kind) throw new ApiError(413, "payload_too_large", "");
        setJobId((await start.mutateAsync({ kind, format, params })).id);
      }
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Stack gap="xs">
      <Group gap="xs">
        {formats.map((f) => (
          <Button
            key={f}
            variant="default"
            size="sm"
            leftSection={<IconDownload size={16} aria-hidden />}
            loading={busy === f}
            disabled={disabled || (busy !== null && busy !== f)}
            onClick={() => void download(f)}
          >
            {t("export.download", { format: f.toUpperCase() })}
          </Button>
        ))}
      </Group>
      <ErrorAlert error={error} />
      {jobId ? <JobProgress id={jobId} /> : null}
    </Stack>
  );
}

function JobProgress({ id }: { id: string }) {
  const { t } = useTranslation("monitoring");
  const job = useExportJob(id);
  const j = job.data;
  const value = j?.total ? Math.min(100, Math.round(((j.processed ?? 0) / j.total) * 100)) : 0;
  return (
    <Stack gap={4} role="status" aria-live="polite">
      <ErrorAlert error={job.error} />
      {j?.status === "done" ? (
        <Anchor href={`/api/v1/monitoring/exports/${id}/download`} download={j.filename ?? undefined} size="sm">
          {t("export.ready", { name: j.filename ?? "" })}
        </Anchor>
      ) : j?.status === "failed" ? (
        <Text size="sm" c="red.8">
          {t("export.failed")}
        </Text>
      ) : (
        <>
          <Text size="sm">{t("export.running", { processed: j?.processed ?? 0, total: j?.total ?? 0 })}</Text>
          <Progress value={value} animated aria-label={t("export.progress")} />
        </>
      )}
    </Stack>
  );
}
