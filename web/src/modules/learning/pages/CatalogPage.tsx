import { Button, Collapse, Group, NumberInput, Pagination, Select, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { useDebouncedValue, useDisclosure } from "@mantine/hooks";
import { IconAdjustments, IconSearch } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { Loading } from "../../../ui/Loading";
import { PageHeader } from "../../../ui/PageHeader";
import { CATALOG_PAGE_SIZE, useCatalog, useFacets } from "../api";
import { CourseCardView } from "../components/CourseCardView";
import type { CatalogFilter, Facet } from "../types";

type Filters = { topic: string | null; competency: string | null; format: string | null; language: string | null; jpMin: number | null; jpMax: number | null };
const NONE: Filters = { topic: null, competency: null, format: null, language: null, jpMin: null, jpMax: null };

/** Every employee: find a course by words and filters. */
export default function CatalogPage() {
  const { t } = useTranslation("learning");
  const [q, setQ] = useState("");
  const [debouncedQ] = useDebouncedValue(q.trim(), 300);
  const [filters, setFilters] = useState<Filters>(NONE);
  const [page, setPage] = useState(1);
  const [open, { toggle }] = useDisclosure(false);
  const facets = useFacets();
  const filter: CatalogFilter = {
    q: debouncedQ || undefined,
    topic: filters.topic ?? undefined,
    competency: filters.competency ?? undefined,
    format: filters.format ?? undefined,
    language: filters.language ?? undefined,
    jpMin: filters.jpMin ?? undefined,
    jpMax: filters.jpMax ?? undefined,
    page,
  };
  const catalog = useCatalog(filter);
  const set = (patch: Partial<Filters>) => {
    setFilters((f) => ({ ...f, ...patch }));
    setPage(1);
  };
  const options = (list: Facet[] | undefined, label: (v: string) => string) =>
    (list ?? []).map((f) => ({ value: f.value, label: f.count === undefined ? label(f.value) : `${label(f.value)} (${f.count})` }));
  const active = Object.values(filters).filter((v) => v !== null).length;
  const pages = Math.max(1, Math.ceil((catalog.data?.total ?? 0) / CATALOG_PAGE_SIZE));
  return (
    <>
      <PageHeader title={t("catalog.title")} description={t("catalog.description")} />
      <Stack gap="sm">
        <TextInput
          label={t("catalog.search")}
          placeholder={t("catalog.searchPlaceholder")}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={q}
          onChange={(e) => {
            setQ(e.currentTarget.value);
            setPage(1);
          }}
          type="search"
        />
        <Group justify="space-between">
          <Button
            variant="subtle"
            leftSection={<IconAdjustments size={16} aria-hidden />}
            onClick={toggle}
            aria-expanded={open}
            aria-controls="catalog-filters"
          >
            {active ? t("catalog.filtersActive", { count: active }) : t("catalog.filters")}
          </Button>
          {active ? (
            <Button variant="subtle" color="gray" onClick={() => set(NONE)}>
              {t("catalog.clear")}
            </Button>
          ) : null}
        </Group>
        <Collapse in={open} id="catalog-filters">
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <Select
              label={t("catalog.topic")}
              clearable
              data={options(facets.data?.topics, (v) => v)}
              value={filters.topic}
              onChange={(v) => set({ topic: v })}
            />
            <Select
              label={t("catalog.competency")}
              clearable
              data={options(facets.data?.competencies, (v) => v)}
              value={filters.competency}
              onChange={(v) => set({ competency: v })}
            />
            <Select
              label={t("catalog.format")}
              clearable
              data={options(facets.data?.formats, (v) => t(`kind.${v}`, { defaultValue: v }))}
              value={filters.format}
              onChange={(v) => set({ format: v })}
            />
            <Select
              label={t("catalog.language")}
              clearable
              data={options(facets.data?.languages, (v) => t(`language.${v}`, { defaultValue: v }))}
              value={filters.language}
              onChange={(v) => set({ language: v })}
            />
            <NumberInput label={t("catalog.jpMin")} min={0} value={filters.jpMin ?? ""} onChange={(v) => set({ jpMin: typeof v === "number" ? v : null })} />
            <NumberInput label={t("catalog.jpMax")} min={0} value={filters.jpMax ?? ""} onChange={(v) => set({ jpMax: typeof v === "number" ? v : null })} />
          </SimpleGrid>
        </Collapse>
        <ErrorAlert error={catalog.error} />
        {catalog.isPending ? <Loading /> : null}
        {catalog.data ? (
          <Text size="sm" c="dimmed" role="status">
            {t("catalog.found", { count: catalog.data.total })}
          </Text>
        ) : null}
        <SimpleGrid component="ul" cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm" p={0} m={0} style={{ listStyle: "none" }} aria-label={t("catalog.results")}>
          {(catalog.data?.items ?? []).map((c) => (
            <CourseCardView key={c.id} course={c} />
          ))}
        </SimpleGrid>
        {pages > 1 ? (
          <Pagination total={pages} value={page} onChange={setPage} size="sm" getControlProps={(c) => ({ "aria-label": t(`catalog.page.${c}`) })} />
        ) : null}
      </Stack>
    </>
  );
}
