import { Drawer, Group, Pagination, Stack, Text, TextInput } from "@mantine/core";
import { useDebouncedValue, useMediaQuery } from "@mantine/hooks";
import { IconSearch } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { Loading } from "../../../ui/Loading";
import { monitoringUrl, usePeople } from "../api";
import { type Bucket, bucketLabel } from "../buckets";
import { ExportButtons } from "./ExportButtons";
import { PersonRowCard } from "./PersonRowCard";

export interface DrillTarget {
  bucket: Bucket;
  unitId: string;
  unitName: string;
}

interface Props {
  target: DrillTarget | null;
  date: string | undefined;
  timeZone: string;
  onClose: () => void;
}

const PAGE_SIZE = 25;

/** The people behind a number: searchable, paged, with phone links and XLSX/CSV downloads. */
export function PeopleDrawer({ target, date, timeZone, onClose }: Props) {
  const { t } = useTranslation("monitoring");
  const phone = useMediaQuery("(max-width: 36em)");
  return (
    <Drawer
      opened={target !== null}
      onClose={onClose}
      position="right"
      size={phone ? "100%" : "lg"}
      title={target ? bucketLabel(t, target.bucket) : ""}
      closeButtonProps={{ "aria-label": t("people.close") }}
    >
      {target ? <PeopleList key={`${target.bucket}|${target.unitId}|${date ?? ""}`} target={target} date={date} timeZone={timeZone} /> : null}
    </Drawer>
  );
}

function PeopleList({ target, date, timeZone }: { target: DrillTarget; date: string | undefined; timeZone: string }) {
  const { t } = useTranslation("monitoring");
  const [search, setSearch] = useState("");
  const [q] = useDebouncedValue(search.trim(), 300);
  const [page, setPage] = useState(1);
  const query = { unitId: target.unitId, date, bucket: target.bucket, q: q || undefined, page, pageSize: PAGE_SIZE };
  const people = usePeople(query);
  const data = people.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;
  const fileParams = { unitId: target.unitId, bucket: target.bucket, ...(date ? { date } : {}), ...(q ? { q } : {}) };
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {data ? t("people.summary", { unit: target.unitName, count: data.total }) : target.unitName}
      </Text>
      <TextInput
        label={t("people.search")}
        leftSection={<IconSearch size={16} aria-hidden />}
        value={search}
        onChange={(e) => {
          setSearch(e.currentTarget.value);
          setPage(1);
        }}
      />
      <ExportButtons
        kind="people"
        formats={["xlsx", "csv"]}
        urlOf={(format) => monitoringUrl(`/board/people.${format}`, fileParams)}
        params={fileParams}
        name={`pemantauan-${target.bucket.replace(":", "-")}`}
        total={data?.total}
        disabled={!data || data.total === 0}
      />
      <ErrorAlert error={people.error} />
      {people.isPending ? <Loading /> : null}
      {data && data.items.length === 0 ? <Text c="dimmed">{t("people.none")}</Text> : null}
      <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: "none" }} aria-label={t("people.listLabel")} aria-busy={people.isFetching}>
        {(data?.items ?? []).map((r) => (
          <PersonRowCard key={r.employeeId} row={r} timeZone={timeZone} />
        ))}
      </Stack>
      {pages > 1 ? (
        <Group justify="center">
          <Pagination
            total={pages}
            value={page}
            onChange={setPage}
            size="sm"
            getControlProps={(control) => ({ "aria-label": t(`people.page.${control}`) })}
            getItemProps={(p) => ({ "aria-label": t("people.page.number", { page: p }) })}
          />
        </Group>
      ) : null}
    </Stack>
  );
}
