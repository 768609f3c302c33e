import { Alert, Button, FileButton, Group, List, NativeSelect, Progress, Stack, Text } from "@mantine/core";
import { IconUpload } from "@tabler/icons-react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { get } from "../../../api/client";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { useMe } from "../../auth/hooks";
import { uploadFile } from "../upload";

interface PackageRow {
  id: string;
  standard: "scorm12" | "scorm2004" | "cmi5";
  title: string;
  filename: string;
}

/** The upload's answer: the package, and what its manifest reader noted but let pass (a course folder read as the top level, a default organisation that does not exist, files listed but missing). */
type Uploaded = PackageRow & { manifest?: { warnings?: string[] } };

const PACKAGES_KEY = ["learning", "content-packages"] as const;

/** Chooses the content package of a SCORM or cmi5 lesson, or uploads a new one (checked on the server before it is kept). */
export function PackagePicker({ kind, value, onChange }: { kind: "scorm" | "cmi5"; value: string | undefined; onChange: (id: string) => void }) {
  const { t } = useTranslation("learning");
  const me = useMe().data;
  const qc = useQueryClient();
  const list = useQuery({ queryKey: PACKAGES_KEY, queryFn: () => get<{ items: PackageRow[] }>("/learning/content/packages") });
  const [share, setShare] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [warnings, setWarnings] = useState<string[]>([]);
  const fits = (p: PackageRow) => (kind === "cmi5" ? p.standard === "cmi5" : p.standard !== "cmi5");
  const options = (list.data?.items ?? []).filter(fits);
  const start = (file: File | null) => {
    if (!file) return;
    setError(null);
    setWarnings([]);
    setShare(0);
    uploadFile<Uploaded>("/api/v1/learning/content/packages", file, me?.csrfToken ?? "", setShare)
      .then((p) => {
        void qc.invalidateQueries({ queryKey: PACKAGES_KEY });
        setWarnings(p.manifest?.warnings ?? []);
        if (fits(p)) onChange(p.id);
        else setError(new Error(t("packagePicker.wrongKind")));
      })
      .catch(setError)
      .finally(() => setShare(null));
  };
  return (
    <Stack gap="xs">
      <NativeSelect
        label={t("packagePicker.label")}
        value={value ?? ""}
        onChange={(e) => onChange(e.currentTarget.value)}
        data={[{ value: "", label: t("packagePicker.none") }, ...options.map((p) => ({ value: p.id, label: `${p.title} (${p.filename})` }))]}
      />
      <Group gap="sm">
        <FileButton onChange={start} accept=".zip,application/zip,.xml">
          {(props) => (
            <Button {...props} variant="light" leftSection={<IconUpload size={16} aria-hidden />} loading={share !== null}>
              {t("packagePicker.upload")}
            </Button>
          )}
        </FileButton>
        <Text size="xs" c="dimmed">
          {t(kind === "cmi5" ? "packagePicker.hintCmi5" : "packagePicker.hintScorm")}
        </Text>
      </Group>
      {share !== null ? <Progress value={share * 100} aria-label={t("packagePicker.uploading")} /> : null}
      {warnings.length > 0 ? (
        <Alert color="yellow">
          <Text size="sm" fw={600}>
            {t("packagePicker.warnings")}
          </Text>
          <List size="sm">
            {warnings.map((w) => (
              <List.Item key={w}>{w}</List.Item>
            ))}
          </List>
        </Alert>
      ) : null}
      <ErrorAlert error={error} />
    </Stack>
  );
}
