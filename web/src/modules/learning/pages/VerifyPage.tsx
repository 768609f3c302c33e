import { Alert, Stack, Text } from "@mantine/core";
import { IconCircleCheck, IconCircleX } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { ApiError } from "../../../api/client";
import { DataList } from "../../../ui/DataList";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { useFormat } from "../../../ui/format";
import { Loading } from "../../../ui/Loading";
import { PublicFrame, PublicTitle } from "../../../ui/PublicFrame";
import { usePageTitle } from "../../../ui/usePageTitle";
import { LanguageControl } from "../../auth/components/LanguageControl";
import { useVerify } from "../api";
import { dateOnly } from "../dates";

/** Public: anyone with the number (or the QR code on the PDF) can check a certificate. */
export default function VerifyPage() {
  const { t } = useTranslation("learning");
  const { number = "" } = useParams();
  const q = useVerify(number);
  const format = useFormat();
  usePageTitle(t("verify.title"));
  const notFound = q.error instanceof ApiError && q.error.status === 404;
  const c = q.data;
  return (
    <PublicFrame width={560} corner={<LanguageControl />}>
      <PublicTitle>{t("verify.title")}</PublicTitle>
      <Stack>
        <Text size="sm" c="dimmed">
          {t("verify.number", { number })}
        </Text>
        {q.isPending ? <Loading /> : null}
        {notFound ? (
          <Alert color="red" icon={<IconCircleX aria-hidden />} title={t("verify.notFound")} role="alert">
            {t("verify.notFoundBody")}
          </Alert>
        ) : (
          <ErrorAlert error={q.error} />
        )}
        {c ? (
          <>
            {c.valid && !c.revokedAt ? (
              <Alert
                color="green"
                icon={<IconCircleCheck aria-hidden color="var(--mantine-color-green-9)" />}
                title={t("verify.valid")}
                role="status"
                variant="default"
                style={{ borderLeft: "6px solid var(--mantine-color-green-9)" }}
              >
                {t("verify.validBody")}
              </Alert>
            ) : (
              <Alert color="red.9" icon={<IconCircleX aria-hidden />} title={t("verify.revoked")} role="alert" variant="filled">
                {c.revokedAt ? t("verify.revokedOn", { date: format.date(c.revokedAt) }) : t("verify.invalidBody")}
              </Alert>
            )}
            <DataList
              items={[
                { label: t("verify.name"), value: c.name },
                { label: t("verify.nip"), value: c.nipMasked },
                { label: t("verify.course"), value: c.course },
                { label: t("verify.jp"), value: t("jpBadge", { count: c.jp }) },
                { label: t("verify.issuedOn"), value: dateOnly(c.issuedOn, format) },
              ]}
            />
          </>
        ) : null}
      </Stack>
    </PublicFrame>
  );
}
