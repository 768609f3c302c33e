import { Badge, Button, Card, Group, Stack, Text } from "@mantine/core";
import type { UseInfiniteQueryResult } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { formatters } from "../../../ui/format";
import { Loading } from "../../../ui/Loading";
import { pickLang, type RecordItem, type RecordPages } from "../api";

/** A learning record (xAPI statements), newest first, a page at a time. */
export function RecordList({ query, label }: { query: UseInfiniteQueryResult<RecordPages>; label: string }) {
  const { t, i18n } = useTranslation("lrs");
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <ErrorAlert error={query.error} />
      {query.isPending ? <Loading /> : null}
      {query.data && items.length === 0 ? <Text c="dimmed">{t("record.empty")}</Text> : null}
      <Stack component="ul" gap="sm" p={0} style={{ listStyle: "none" }} aria-label={label}>
        {items.map((item) => (
          <RecordRow key={item.id} item={item} lang={i18n.language} />
        ))}
      </Stack>
      {query.hasNextPage ? (
        <Button mt="md" variant="light" loading={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
          {t("record.more")}
        </Button>
      ) : null}
    </>
  );
}

function RecordRow({ item, lang }: { item: RecordItem; lang: string }) {
  const { t } = useTranslation("lrs");
  const f = formatters(lang);
  const verb = pickLang(item.verbDisplay, lang) ?? item.verb.split("/").pop() ?? item.verb;
  const object = pickLang(item.objectName, lang) ?? item.objectId ?? "";
  const scaled = item.result?.score?.scaled;
  return (
    <Card component="li" withBorder padding="sm">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Text size="sm">
          <Text span fw={600}>
            {verb}
          </Text>{" "}
          <Text span style={{ overflowWrap: "anywhere" }}>
            {object}
          </Text>
        </Text>
        <Text size="xs" c="dimmed">
          {f.dateTime(item.timestamp)}
        </Text>
      </Group>
      <Group gap="xs" mt={4}>
        {item.result?.success === true ? <Badge color="#1e6b30">{t("record.success")}</Badge> : null}
        {item.result?.success === false ? <Badge color="#8a1c1c">{t("record.failure")}</Badge> : null}
        {item.result?.completion ? <Badge variant="light">{t("record.completed")}</Badge> : null}
        {typeof scaled === "number" ? <Badge variant="outline">{t("record.score", { value: Math.round(scaled * 100) })}</Badge> : null}
      </Group>
    </Card>
  );
}
