import { Anchor, Button, FileInput, Group, Radio, Stack, TextInput } from "@mantine/core";
import { IconPaperclip } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { useUploadEvidence } from "../../api";
import { useOnline } from "../../offline/useOutbox";
import { LogbookError } from "../LogbookError";
import type { EvidenceDraft } from "./activityDraft";

interface Props {
  value: EvidenceDraft;
  onChange: (v: EvidenceDraft) => void;
  error?: string;
  disabled?: boolean;
}

const ACCEPT = "image/png,image/jpeg,image/webp,application/pdf";

/** Evidence of an activity: none, an uploaded image or PDF, or a link. */
export function EvidenceField({ value, onChange, error, disabled }: Props) {
  const { t } = useTranslation("logbook");
  const upload = useUploadEvidence();
  const online = useOnline();
  const pick = (file: File | null) => {
    if (!file) return;
    upload.mutate(file, { onSuccess: (f) => onChange({ kind: "file", fileId: f.id, filename: f.filename }) });
  };
  return (
    <Stack gap="xs">
      <Radio.Group
        label={t("report.evidence")}
        value={value.kind}
        onChange={(k) => onChange(k === "link" ? { kind: "link", url: "" } : k === "file" ? { kind: "file", fileId: "", filename: "" } : { kind: "none" })}
      >
        <Group gap="md" mt={4}>
          <Radio value="none" label={t("report.evidenceNone")} disabled={disabled} />
          <Radio value="file" label={t("report.evidenceFile")} disabled={disabled} />
          <Radio value="link" label={t("report.evidenceLink")} disabled={disabled} />
        </Group>
      </Radio.Group>
      {value.kind === "link" ? (
        <TextInput
          type="url"
          inputMode="url"
          label={t("report.evidenceUrl")}
          placeholder="https://"
          value={value.url}
          onChange={(e) => onChange({ kind: "link", url: e.currentTarget.value })}
          error={error}
          disabled={disabled}
        />
      ) : null}
      {value.kind === "file" && value.fileId ? (
        <Group gap="xs" wrap="nowrap">
          <IconPaperclip size={16} aria-hidden />
          <Anchor href={`/api/v1/files/${value.fileId}`} target="_blank" rel="noopener" size="sm" style={{ overflowWrap: "anywhere" }}>
            {value.filename || t("report.attached")}
          </Anchor>
          {!disabled ? (
            <Button size="compact-sm" variant="subtle" onClick={() => onChange({ kind: "file", fileId: "", filename: "" })}>
              {t("report.replaceFile")}
            </Button>
          ) : null}
        </Group>
      ) : null}
      {value.kind === "file" && !value.fileId ? (
        <>
          <FileInput
            label={t("report.fileLabel")}
            description={online ? t("report.fileHint") : t("report.fileOffline")}
            accept={ACCEPT}
            onChange={pick}
            disabled={disabled || !online || upload.isPending}
            clearable={false}
            placeholder={upload.isPending ? t("report.uploading") : t("report.choose")}
            error={error}
          />
          <LogbookError error={upload.error} />
        </>
      ) : null}
    </Stack>
  );
}
