import { Badge, Card, Group, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { Loading } from "../../../ui/Loading";
import { PageHeader } from "../../../ui/PageHeader";
import { PolicyForm } from "../components/PolicyForm";
import { usePolicies, usePolicyInForce } from "../policy";

/** Agency-wide HR: the version in force, all versions, and a new version. */
export default function PolicyPage() {
  const { t } = useTranslation("arrangement");
  const inForce = usePolicyInForce();
  const list = usePolicies();
  return (
    <>
      <PageHeader title={t("policy.title")} description={t("policy.description")} />
      <Stack>
        <ErrorAlert error={inForce.error ?? list.error} />
        {inForce.isPending ? <Loading /> : null}
        {inForce.data ? (
          <Card withBorder>
            <Text fw={600}>{t("policy.inForce")}</Text>
            <Text size="sm">{inForce.data.id ? `${inForce.data.effectiveFrom} · ${inForce.data.legalBasis}` : t("policy.defaults")}</Text>
            <Text size="sm">{t("policy.defaultCapLine", { pct: inForce.data.rules.defaultCapPct })}</Text>
          </Card>
        ) : null}
        <Title order={2} size="h4">
          {t("policy.versions")}
        </Title>
        {list.data?.length === 0 ? <Text c="dimmed">{t("policy.noVersions")}</Text> : null}
        <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: "none" }} aria-label={t("policy.versions")}>
          {(list.data ?? []).map((p) => (
            <Card key={p.id} withBorder component="li" padding="sm">
              <Group justify="space-between" wrap="wrap">
                <Text fw={600}>{p.effectiveFrom}</Text>
                {p.id === inForce.data?.id ? (
                  <Badge color="#1e6b30" variant="filled">
                    {t("policy.current")}
                  </Badge>
                ) : null}
              </Group>
              <Text size="sm" style={{ overflowWrap: "anywhere" }}>
                {p.legalBasis}
              </Text>
            </Card>
          ))}
        </Stack>
        {inForce.data ? <PolicyForm base={inForce.data} /> : null}
      </Stack>
    </>
  );
}
