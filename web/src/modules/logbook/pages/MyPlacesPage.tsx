import { Badge, Button, Group, NumberInput, Paper, Radio, Stack, Text, TextInput, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconCurrentLocation, IconTrash } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Loading } from "../../../ui/Loading";
import { PageHeader } from "../../../ui/PageHeader";
import { useMe } from "../../auth/hooks";
import { LogbookError } from "../components/LogbookError";
import { Notice } from "../components/Notice";
import { shapeText } from "../components/places/shapeText";
import { type Located, locate } from "../geo";
import { useDeletePlace, useOwnPlaces, useProposePlace } from "../manageApi";
import { type MapPlace, PlaceMap } from "../map/PlaceMap";
import { useIntentKeys } from "../offline/useIntentKeys";
import type { Place } from "../types";
import { reasonText } from "../words";

const STATUS_COLOUR = { pending: "yellow", approved: "green", rejected: "red" } as const;

/** "Tempat kerja saya": one's registered places, and proposing a home place from the current position. */
export default function MyPlacesPage() {
  const { t } = useTranslation("logbook");
  const me = useMe().data;
  const places = useOwnPlaces(me?.employeeId ?? null);
  const propose = useProposePlace();
  const withdraw = useDeletePlace();
  const keys = useIntentKeys();
  const [kind, setKind] = useState<"home" | "other">("home");
  const [name, setName] = useState(() => t("myPlaces.defaultName"));
  const [radius, setRadius] = useState<number | string>(100);
  const [located, setLocated] = useState<Located | null>(null);
  const [locating, setLocating] = useState(false);
  const fix = located?.position ?? null;
  const r = typeof radius === "number" ? Math.round(radius) : 0;
  const ready = fix !== null && name.trim() !== "" && r >= 10 && r <= 5000;

  const list = places.data ?? [];
  const mapPlaces: MapPlace[] = list.flatMap((p) => (p.shape && p.status !== "rejected" ? [{ id: p.id, name: p.name, kind: p.kind, shape: p.shape }] : []));
  if (fix && r >= 10)
    mapPlaces.push({ id: "draft", name: name || t("myPlaces.new"), kind: "draft", shape: { type: "circle", lat: fix.lat, lng: fix.lng, radiusM: r } });

  const here = async () => {
    setLocating(true);
    setLocated(await locate());
    setLocating(false);
  };
  const send = () => {
    if (!fix || !ready) return;
    const shape = { type: "circle" as const, lat: fix.lat, lng: fix.lng, radiusM: r };
    const intent = JSON.stringify({ kind, name, shape });
    propose.mutate(
      { kind, name: name.trim(), shape, key: keys.key(intent) },
      {
        onSuccess: () => {
          keys.done(intent);
          setLocated(null);
          notifications.show({ color: "green", message: t("myPlaces.sent"), closeButtonProps: { "aria-label": t("close") } });
        },
      },
    );
  };

  return (
    <>
      <PageHeader title={t("myPlaces.title")} description={t("myPlaces.description")} />
      <Stack gap="md">
        <Paper withBorder radius="md" p={{ base: "sm", sm: "lg" }} component="section" aria-labelledby="own-list">
          <Title order={2} size="h4" id="own-list" mb="sm">
            {t("myPlaces.registered")}
          </Title>
          {places.isPending ? <Loading /> : null}
          {places.data && list.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t("myPlaces.none")}
            </Text>
          ) : null}
          <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: "none" }}>
            {list.map((p: Place) => (
              <Group component="li" key={p.id} justify="space-between" gap="xs" wrap="nowrap">
                <div style={{ minWidth: 0 }}>
                  <Text size="sm" fw={600} style={{ overflowWrap: "anywhere" }}>
                    {t(`places.kind.${p.kind}`)}: {p.name}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {shapeText(p.shape, t)}
                  </Text>
                  <Badge variant="dot" color={STATUS_COLOUR[p.status]} styles={{ root: { color: "var(--mantine-color-text)" } }}>
                    {t(`myPlaces.status.${p.status}`)}
                  </Badge>
                </div>
                <Button
                  size="compact-sm"
                  variant="subtle"
                  color="red"
                  c="red.9"
                  leftSection={<IconTrash size={14} aria-hidden />}
                  onClick={() => withdraw.mutate(p.id)}
                  loading={withdraw.isPending && withdraw.variables === p.id}
                  aria-label={t("myPlaces.withdrawNamed", { name: p.name })}
                >
                  {t("myPlaces.withdraw")}
                </Button>
              </Group>
            ))}
          </Stack>
          <LogbookError error={places.error ?? withdraw.error} />
        </Paper>
        <Paper withBorder radius="md" p={{ base: "sm", sm: "lg" }} component="section" aria-labelledby="own-new">
          <Title order={2} size="h4" id="own-new" mb="sm">
            {t("myPlaces.new")}
          </Title>
          <Stack gap="sm">
            <Radio.Group label={t("myPlaces.kind")} value={kind} onChange={(v) => setKind(v === "other" ? "other" : "home")}>
              <Group gap="md" mt={4}>
                <Radio value="home" label={t("places.kind.home")} />
                <Radio value="other" label={t("places.kind.other")} />
              </Group>
            </Radio.Group>
            <TextInput label={t("places.name")} required maxLength={200} value={name} onChange={(e) => setName(e.currentTarget.value)} />
            <NumberInput
              label={t("places.radius")}
              description={t("myPlaces.radiusHint")}
              min={10}
              max={5000}
              step={10}
              allowDecimal={false}
              value={radius}
              onChange={setRadius}
              maw={220}
            />
            <Button
              variant="default"
              leftSection={<IconCurrentLocation size={18} aria-hidden />}
              onClick={() => void here()}
              loading={locating}
              style={{ alignSelf: "flex-start" }}
            >
              {t("myPlaces.useHere")}
            </Button>
            {located && !located.position ? (
              <Notice color="orange" variant="light">
                {t("where.unavailable", { reason: reasonText(located.positionError, t) })}
              </Notice>
            ) : null}
            {fix && fix.accuracy > 150 ? <Notice color="orange">{t("myPlaces.poorFix", { accuracy: Math.round(fix.accuracy) })}</Notice> : null}
            {mapPlaces.length > 0 || fix ? <PlaceMap places={mapPlaces} position={fix} caption={t("myPlaces.mapCaption")} /> : null}
            <LogbookError error={propose.error} />
            <Button onClick={send} disabled={!ready} loading={propose.isPending} style={{ alignSelf: "flex-start" }}>
              {t("myPlaces.send")}
            </Button>
            <Text size="xs" c="dimmed">
              {t("myPlaces.privacy")}
            </Text>
          </Stack>
        </Paper>
      </Stack>
    </>
  );
}
