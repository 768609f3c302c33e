import { Anchor, Badge, Button, Card, Group, SegmentedControl, Stack, Text, TextInput } from "@mantine/core";
import { IconSearch } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { useFormat } from "../../../ui/format";
import { Loading } from "../../../ui/Loading";
import { PageHeader } from "../../../ui/PageHeader";
import { type CertificateFilter, type ScopeCertificate, useScopeCertificates } from "../certificatesApi";
import { RevokeDialog } from "../components/RevokeDialog";
import { dateOnly } from "../dates";

/** HR: find the certificates of people in scope by number, NIP or name, and revoke one with a reason. */
export default function CertificatesPage() {
  const { t } = useTranslation("learning");
  const [text, setText] = useState("");
  const [filter, setFilter] = useState<CertificateFilter>({ q: "", status: null });
  const [revoking, setRevoking] = useState<ScopeCertificate | null>(null);
  const q = useScopeCertificates(filter);
  return (
    <>
      <PageHeader title={t("certificates.title")} description={t("certificates.intro")} />
      <Stack>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            setFilter({ ...filter, q: text });
          }}
        >
          <Group align="flex-end" gap="xs" wrap="nowrap">
            <TextInput
              label={t("certificates.search")}
              description={t("certificates.searchHint")}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
              style={{ flex: 1 }}
              maxLength={100}
            />
            <Button type="submit" leftSection={<IconSearch size={16} aria-hidden />}>
              {t("certificates.find")}
            </Button>
          </Group>
        </form>
        <SegmentedControl
          aria-label={t("certificates.statusFilter")}
          value={filter.status ?? "all"}
          onChange={(v) => setFilter({ ...filter, status: v === "valid" || v === "revoked" ? v : null })}
          data={[
            { value: "all", label: t("certificates.all") },
            { value: "valid", label: t("certificates.valid") },
            { value: "revoked", label: t("certificate.revoked") },
          ]}
        />
        <ErrorAlert error={q.error} />
        {q.isPending ? <Loading /> : null}
        {q.data?.length === 0 ? <Text c="dimmed">{t("certificates.none")}</Text> : null}
        <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: "none" }} aria-label={t("certificates.results")}>
          {(q.data ?? []).map((c) => (
            <CertificateCard key={c.id} certificate={c} onRevoke={() => setRevoking(c)} />
          ))}
        </Stack>
      </Stack>
      <RevokeDialog certificate={revoking} onClose={() => setRevoking(null)} />
    </>
  );
}

function CertificateCard({ certificate: c, onRevoke }: { certificate: ScopeCertificate; onRevoke: () => void }) {
  const { t } = useTranslation("learning");
  const format = useFormat();
  return (
    <Card withBorder component="li" padding="sm" aria-label={`${c.employeeName} — ${c.courseTitle}`}>
      <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
        <Stack gap={0} style={{ minWidth: 0 }}>
          <Text fw={600} style={{ overflowWrap: "anywhere" }}>
            {c.employeeName}
          </Text>
          {c.unitName ? (
            <Text size="sm" c="dimmed">
              {c.unitName}
            </Text>
          ) : null}
        </Stack>
        <Badge color={c.revokedAt ? "red" : "green"} variant="dot" style={{ flexShrink: 0 }}>
          {c.revokedAt ? t("certificate.revoked") : t("certificates.valid")}
        </Badge>
      </Group>
      <Text size="sm" mt={4} style={{ overflowWrap: "anywhere" }}>
        {c.courseTitle} · {t("jpBadge", { count: c.jp })}
      </Text>
      <Text size="sm" c="dimmed">
        {c.number} · {t("certificates.issuedOn", { date: dateOnly(c.issuedOn, format) })}
      </Text>
      {c.revokedAt ? (
        <Text size="sm" mt={4}>
          {t("certificates.revokedOn", { date: format.date(c.revokedAt), reason: c.revokeReason ?? "" })}
        </Text>
      ) : null}
      <Group gap="md" mt="xs" justify="space-between">
        <Group gap="md">
          <Anchor href={c.pdfUrl} size="sm" target="_blank">
            {t("certificates.pdf")}
          </Anchor>
          <Anchor component={Link} to={c.verifyPath} size="sm">
            {t("certificate.verify")}
          </Anchor>
        </Group>
        {c.revokedAt ? null : (
          <Button size="xs" color="red" variant="outline" onClick={onRevoke}>
            {t("certificates.revoke")}
          </Button>
        )}
      </Group>
    </Card>
  );
}
