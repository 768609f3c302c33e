import { Button, Group, Modal, Stack, Textarea } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";

interface Props {
  opened: boolean;
  employeeName: string;
  busy: boolean;
  onClose: () => void;
  onReturn: (comment: string) => void;
}

/** Returning a report needs a comment: what the employee should change. */
export function ReturnModal({ opened, employeeName, busy, onClose, onReturn }: Props) {
  const { t } = useTranslation("logbook");
  const [comment, setComment] = useState("");
  const [touched, setTouched] = useState(false);
  const missing = comment.trim() === "";
  return (
    <Modal opened={opened} onClose={onClose} title={t("review.returnTitle", { name: employeeName })} closeButtonProps={{ "aria-label": t("close") }} centered>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setTouched(true);
          if (!missing) onReturn(comment.trim());
        }}
        noValidate
      >
        <Stack gap="sm">
          <Textarea
            label={t("review.comment")}
            description={t("review.commentHint")}
            required
            autosize
            minRows={3}
            maxLength={1000}
            value={comment}
            onChange={(e) => setComment(e.currentTarget.value)}
            error={touched && missing ? t("review.commentRequired") : undefined}
            data-autofocus
          />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              {t("cancel")}
            </Button>
            <Button type="submit" loading={busy}>
              {t("review.return")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
