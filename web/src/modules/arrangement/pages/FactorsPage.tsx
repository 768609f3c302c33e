import { Badge, Button, Card, Group, Pagination, SegmentedControl, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { Loading } from "../../../ui/Loading";
import { PageHeader } from "../../../ui/PageHeader";
import { type CommuteFilter, FACTOR_PAGE_SIZE, type FactorItem, useDeclaredCommutes, useVerifyCommute } from "../api";

const FILTERS: CommuteFilter[] = ["unverified", "verified", "any"];

/** HR admins: declared commutes in their scope, verified or set back to unverified. */
export default function FactorsPage() {
  const { t } = useTranslation("arrangement");
  const [filter, setFilter] = useState<CommuteFilter>("unverified");
  const [page, setPage] = useState(1);
  const q = useDeclaredCommutes(filter, page);
  const pages = Math.max(1, Math.ceil((q.data?.total ?? 0) / FACTOR_PAGE_SIZE));
  return (
    <>
      <PageHeader title={t("factors.list.title")} description={t("factors.list.description")} />
      <Stack>
        <Stack gap={4}>
          <Text size="sm" fw={500} id="commute-filter">
            {t("factors.list.filter")}
          </Text>
          <SegmentedControl
            aria-labelledby="commute-filter"
            value={filter}
            onChange={(v) => {
              setFilter(FILTERS.find((f) => f === v) ?? "unverified");
              setPage(1);
            }}
            data={FILTERS.map((f) => ({ value: f, label: t(`factors.list.show.${f}`) }))}
            fullWidth
            maw={480}
          />
        </Stack>
        <ErrorAlert error={q.error} />
        {q.isPending ? <Loading /> : null}
        {q.data?.items.length === 0 ? <Text c="dimmed">{t("factors.list.none")}</Text> : null}
        <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: "none" }} aria-label={t("factors.list.title")}>
          {(q.data?.items ?? []).map((f) => (
            <FactorCard key={f.employeeId} item={f} />
          ))}
        </Stack>
        {pages > 1 ? (
          <Pagination total={pages} value={page} onChange={setPage} getControlProps={(control) => ({ "aria-label": t(`roster.page.${control}`) })} />
        ) : null}
      </Stack>
    </>
  );
}

function FactorCard({ item: f }: { item: FactorItem }) {
  const { t } = useTranslation("arrangement");
  const verify = useVerifyCommute();
  const mode = f.commute.mode ? t(`factors.commute.${f.commute.mode}`) : t("factors.commute.none");
  return (
    <Card withBorder component="li" padding="sm" aria-label={t("factors.list.cardLabel", { name: f.name })}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Text fw={600} style={{ overflowWrap: "anywhere" }}>
            {f.name}
          </Text>
          <Badge color={f.commute.verified ? "#1e6b30" : "#8a4b00"} variant="filled">
            {f.commute.verified ? t("factors.verified") : t("factors.unverified")}
          </Badge>
        </Group>
        <Text size="sm" style={{ overflowWrap: "anywhere" }}>
          {f.unit.name}
        </Text>
        <Text size="sm">
          {t("factors.list.commuteLine", { mode })}
          {f.caregiving ? ` · ${t("factors.caregiving")}` : ""}
        </Text>
        <ErrorAlert error={verify.error} />
        <Button
          variant={f.commute.verified ? "default" : "filled"}
          w="fit-content"
          loading={verify.isPending}
          onClick={() => verify.mutate({ employeeId: f.employeeId, verified: !f.commute.verified })}
          aria-label={t(f.commute.verified ? "factors.list.unverifyFor" : "factors.list.verifyFor", { name: f.name })}
        >
          {f.commute.verified ? t("factors.list.unverify") : t("factors.list.verify")}
        </Button>
      </Stack>
    </Card>
  );
}
