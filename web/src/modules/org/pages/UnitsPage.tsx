import { Card, Grid, Text } from "@mantine/core";
import { useRef } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { Loading } from "../../../ui/Loading";
import { PageHeader } from "../../../ui/PageHeader";
import { useMe } from "../../auth/hooks";
import { useUnits } from "../api";
import { ErrorAlert } from "../components/ErrorAlert";
import { UnitDetails } from "../components/UnitDetails";
import { UnitTree } from "../components/UnitTree";

/** Organisation › Units: the unit tree and the chosen unit's details. */
export default function UnitsPage() {
  const { t } = useTranslation("org");
  const me = useMe().data;
  const units = useUnits();
  const [params, setParams] = useSearchParams();
  const all = units.data ?? [];
  const selectedId = params.get("unit") ?? all.find((u) => u.parentId === null)?.id ?? null;
  const selected = all.find((u) => u.id === selectedId) ?? null;
  const canManage = Boolean(me?.can.manageOrg);
  const details = useRef<HTMLDivElement>(null);
  const select = (id: string) => {
    setParams({ unit: id }, { replace: true });
    // On narrow screens the details sit below the tree: bring them into view.
    if (window.matchMedia("(max-width: 61.99em)").matches) requestAnimationFrame(() => details.current?.scrollIntoView({ block: "start" }));
  };

  return (
    <>
      <PageHeader title={t("units.title")} description={canManage ? t("units.description") : t("units.descriptionReadOnly")} />
      <ErrorAlert error={units.error} />
      {units.isLoading ? (
        <Loading />
      ) : (
        <Grid gutter="md">
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Card withBorder padding="xs">
              {all.length ? (
                <UnitTree units={all} selectedId={selectedId} onSelect={select} />
              ) : (
                <Text c="dimmed" size="sm" p="sm">
                  {t("units.empty")}
                </Text>
              )}
            </Card>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 7 }} ref={details} style={{ scrollMarginTop: 64 }}>
            {selected && <UnitDetails unit={selected} units={all} canManage={canManage} onSelect={select} />}
          </Grid.Col>
        </Grid>
      )}
    </>
  );
}
