import { Alert, Anchor, Group } from "@mantine/core";
import { IconCertificate } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Certificate } from "../types";

export const certificatePdfUrl = (c: Certificate) => `/api/v1/learning/certificates/${c.id}.pdf`;

/** The course is complete: the certificate, to download or to verify. */
export function CertificateNotice({ certificate }: { certificate: Certificate }) {
  const { t } = useTranslation("learning");
  return (
    <Alert color="green" icon={<IconCertificate aria-hidden />} title={t("certificate.earned")}>
      {t("certificate.number", { number: certificate.number })}
      <Group gap="md" mt={4}>
        <Anchor href={certificatePdfUrl(certificate)} download>
          {t("certificate.download")}
        </Anchor>
        <Anchor component={Link} to={`/verify/${encodeURIComponent(certificate.number)}`}>
          {t("certificate.verify")}
        </Anchor>
      </Group>
    </Alert>
  );
}
