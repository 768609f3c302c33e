import "@mantine/charts/styles.css";
import { BarChart } from "@mantine/charts";
import { Anchor, Badge, Button, Checkbox, Group, Select, Stack, Table, Text } from "@mantine/core";
import { IconFileSpreadsheet } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { Loading } from "../../../ui/Loading";
import { PageHeader } from "../../../ui/PageHeader";
import { Section } from "../../../ui/Section";
import { useMe } from "../../auth/hooks";
import { ClaimsToDecide } from "../components/ClaimsToDecide";
import { jpXlsxUrl, useJpScope } from "../jpApi";

/** Supervisors and HR: JP this year of the people in scope, who is behind, per unit; HR decides claims. */
export default function JpPage() {
  const { t } = useTranslation("learning");
  const me = useMe().data;
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const [behindOnly, setBehindOnly] = useState(false);
  const q = useJpScope(year, null);
  const isHr = Boolean(me?.grants.some((g) => g.role === "hr_admin"));
  const rows = (q.data?.items ?? []).filter((r) => !behindOnly || r.behind);
  return (
    <>
      <PageHeader
        title={t("jpScope.title")}
        actions={
          <Button component="a" href={jpXlsxUrl(year, null)} variant="default" leftSection={<IconFileSpreadsheet size={16} aria-hidden />} download>
            {t("jpScope.export")}
          </Button>
        }
      />
      <Stack>
        <Group align="flex-end">
          <Select
            label={t("jpScope.year")}
            data={[thisYear, thisYear - 1, thisYear - 2].map((y) => ({ value: String(y), label: String(y) }))}
            value={String(year)}
            onChange={(v) => setYear(Number(v ?? thisYear))}
            allowDeselect={false}
            w={120}
          />
          <Checkbox label={t("jpScope.behindOnly")} checked={behindOnly} onChange={(e) => setBehindOnly(e.currentTarget.checked)} />
        </Group>
        <ErrorAlert error={q.error} />
        {q.isPending ? <Loading /> : null}
        {q.data?.byUnit.length ? (
          <Section title={t("jpScope.byUnit")}>
            <BarChart
              h={Math.max(160, q.data.byUnit.length * 36)}
              data={q.data.byUnit.map((u) => ({ unit: u.unitName, average: Math.round(u.average * 10) / 10 }))}
              dataKey="unit"
              orientation="vertical"
              yAxisProps={{ width: 110 }}
              series={[{ name: "average", label: t("jpScope.average"), color: "abdi.6" }]}
              referenceLines={[{ x: 20, label: t("jpScope.target"), color: "red.6" }]}
            />
            <Table.ScrollContainer minWidth={300} mt="sm">
              <Table>
                <caption style={{ textAlign: "left" }}>{t("jpScope.byUnitTable")}</caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t("jpScope.unit")}</Table.Th>
                    <Table.Th>{t("jpScope.average")}</Table.Th>
                    <Table.Th>{t("jpScope.behindCount")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {q.data.byUnit.map((u) => (
                    <Table.Tr key={u.unitId}>
                      <Table.Td>{u.unitName}</Table.Td>
                      <Table.Td>{Math.round(u.average * 10) / 10}</Table.Td>
                      <Table.Td>
                        {u.behind} / {u.people}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Section>
        ) : null}
        {q.data ? (
          <Section title={t("jpScope.people", { count: rows.length })}>
            {rows.length === 0 ? <Text c="dimmed">{t("jpScope.none")}</Text> : null}
            <Table.ScrollContainer minWidth={320}>
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t("jpScope.name")}</Table.Th>
                    <Table.Th>{t("jpScope.unit")}</Table.Th>
                    <Table.Th>{t("jpScope.jp")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((r) => (
                    <Table.Tr key={r.employeeId}>
                      <Table.Td>{r.name}</Table.Td>
                      <Table.Td>{r.unitName}</Table.Td>
                      <Table.Td>
                        <Group gap={6} wrap="nowrap">
                          <Text size="sm">
                            {r.earned}/{r.target}
                          </Text>
                          {r.behind ? (
                            <Badge color="orange" variant="light" size="sm">
                              {t("jpScope.behind")}
                            </Badge>
                          ) : null}
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Section>
        ) : null}
        {isHr ? (
          <Section title={t("claims.toDecide")}>
            <ClaimsToDecide />
          </Section>
        ) : null}
        <Anchor href="/learning/me" size="sm">
          {t("jpScope.mine")}
        </Anchor>
      </Stack>
    </>
  );
}
