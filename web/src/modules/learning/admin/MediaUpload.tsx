import { Button, FileButton, Group, Progress, Text } from "@mantine/core";
import { IconUpload } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { useMe } from "../../auth/hooks";
import type { Media } from "../adminTypes";
import { uploadMedia } from "../upload";

/** Uploads a video, PDF or image with a progress bar; hands the stored media to `onUploaded`. */
export function MediaUpload({ accept, onUploaded }: { accept: string; onUploaded: (media: Media) => void }) {
  const { t } = useTranslation("learning");
  const me = useMe().data;
  const [share, setShare] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [name, setName] = useState<string | null>(null);
  const start = (file: File | null) => {
    if (!file) return;
    setError(null);
    setName(file.name);
    setShare(0);
    uploadMedia(file, me?.csrfToken ?? "", setShare)
      .then(onUploaded)
      .catch(setError)
      .finally(() => setShare(null));
  };
  return (
    <div>
      <Group gap="sm">
        <FileButton onChange={start} accept={accept}>
          {(props) => (
            <Button {...props} variant="light" leftSection={<IconUpload size={16} aria-hidden />} loading={share !== null}>
              {t("editor.upload")}
            </Button>
          )}
        </FileButton>
        {name ? (
          <Text size="sm" c="dimmed">
            {name}
          </Text>
        ) : null}
      </Group>
      {share !== null ? <Progress value={share * 100} mt="xs" aria-label={t("editor.uploading", { percent: Math.round(share * 100) })} /> : null}
      <ErrorAlert error={error} />
    </div>
  );
}
