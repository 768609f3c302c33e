import { Button, Group, Modal, Stack, Text, Textarea } from "@mantine/core";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { useFieldErrors } from "../../../ui/fieldErrors";
import { type ScopeCertificate, useRevokeCertificate } from "../certificatesApi";

/** Asks for the reason and a confirmation before a certificate is revoked; the public check then shows it revoked. */
export function RevokeDialog({ certificate, onClose }: { certificate: ScopeCertificate | null; onClose: () => void }) {
  const { t } = useTranslation("learning");
  const revoke = useRevokeCertificate();
  const [reason, setReason] = useState("");
  const [short, setShort] = useState(false);
  const errors = useFieldErrors(revoke.error, short ? { reason: t("certificates.reasonShort") } : {});
  const { reset } = revoke;
  useEffect(() => {
    if (certificate) {
      setReason("");
      setShort(false);
      reset();
    }
  }, [certificate, reset]);
  return (
    <Modal opened={certificate !== null} onClose={onClose} title={t("certificates.revokeTitle")} closeButtonProps={{ "aria-label": t("close") }}>
      {certificate ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            const text = reason.trim();
            setShort(text.length < 3);
            if (text.length >= 3) revoke.mutate({ id: certificate.id, reason: text }, { onSuccess: onClose });
          }}
        >
          <Stack gap="sm">
            <Text>{t("certificates.revokeBody", { name: certificate.employeeName, course: certificate.courseTitle, number: certificate.number })}</Text>
            <Textarea
              label={t("certificates.reason")}
              description={t("certificates.reasonHint")}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              error={errors.reason}
              autosize
              minRows={2}
              maxLength={2000}
              data-autofocus
            />
            <ErrorAlert error={Object.keys(errors).length ? null : revoke.error} />
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t("common:cancel")}
              </Button>
              <Button type="submit" color="red" loading={revoke.isPending}>
                {t("certificates.revokeConfirm")}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : null}
    </Modal>
  );
}
