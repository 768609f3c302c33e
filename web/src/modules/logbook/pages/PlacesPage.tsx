import { Button, Group, Modal, Paper, Stack, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Loading } from "../../../ui/Loading";
import { PageHeader } from "../../../ui/PageHeader";
import { useUnits } from "../../org/api";
import { UnitSelect } from "../../org/components/UnitSelect";
import { LogbookError } from "../components/LogbookError";
import { OfficeForm } from "../components/places/OfficeForm";
import { OfficeList } from "../components/places/OfficeList";
import { draftShape, emptyOffice, fromPlace, type OfficeDraft, type OfficeProblems, officeProblems } from "../components/places/officeDraft";
import { ProposalList } from "../components/places/ProposalList";
import { formatLatLng } from "../geo";
import { useDecide, useDeletePlace, useOffices, useProposals, useSaveOffice } from "../manageApi";
import { type MapPlace, PlaceMap } from "../map/PlaceMap";
import { useIntentKeys } from "../offline/useIntentKeys";
import type { Place, Proposal } from "../types";

/** HR: offices per unit on a map (circle or polygon), and people's proposed home places to decide on. */
export default function PlacesPage() {
  const { t } = useTranslation("logbook");
  const units = useUnits().data ?? [];
  const offices = useOffices();
  const proposals = useProposals();
  const save = useSaveOffice();
  const remove = useDeletePlace();
  const decide = useDecide();
  const keys = useIntentKeys();
  const [filter, setFilter] = useState<string | null>(null);
  const [editing, setEditing] = useState<Place | null>(null);
  const [draft, setDraft] = useState<OfficeDraft>(() => emptyOffice(null));
  const [problems, setProblems] = useState<OfficeProblems>({});
  const [confirm, setConfirm] = useState<Place | null>(null);

  const shown = (offices.data ?? []).filter((o) => !filter || o.unitId === filter);
  const preview = draftShape(draft);
  const mapPlaces = useMemo<MapPlace[]>(() => {
    const list: MapPlace[] = shown
      .filter((o) => o.shape && o.id !== editing?.id)
      .map((o) => ({ id: o.id, name: o.name, kind: "office", shape: o.shape as NonNullable<Place["shape"]> }));
    if (preview) list.push({ id: "draft", name: draft.name || t("places.newOffice"), kind: "draft", shape: preview });
    return list;
  }, [shown, editing, preview, draft.name, t]);

  const toast = (message: string) => notifications.show({ color: "green", message, closeButtonProps: { "aria-label": t("close") } });
  const pick = (p: { lat: number; lng: number }) =>
    setDraft((d) =>
      d.type === "circle" ? { ...d, centre: formatLatLng(p) } : { ...d, points: `${d.points.trim() ? `${d.points.trim()}\n` : ""}${formatLatLng(p)}` },
    );
  const startEdit = (p: Place) => {
    setEditing(p);
    setDraft(fromPlace(p));
    setProblems({});
    document.getElementById("office-form")?.scrollIntoView({ behavior: "smooth" });
  };
  const reset = () => {
    setEditing(null);
    setDraft(emptyOffice(filter));
    setProblems({});
  };
  const submit = () => {
    const p = officeProblems(draft);
    setProblems(p);
    const shape = draftShape(draft);
    if (Object.keys(p).length || !shape) return;
    save.mutate(
      { id: editing?.id ?? null, input: { name: draft.name.trim(), unitId: draft.unitId, shape } },
      {
        onSuccess: (o) => {
          toast(t(editing ? "places.saved" : "places.created", { name: o.name }));
          reset();
        },
      },
    );
  };
  const onDecide = (p: Proposal, decision: "approve" | "reject") => {
    const intent = `${p.id}:${decision}`;
    decide.mutate(
      { id: p.id, decision, key: keys.key(intent) },
      {
        onSuccess: () => {
          keys.done(intent);
          toast(t(decision === "approve" ? "places.approved" : "places.rejected", { name: p.employee.name }));
        },
      },
    );
  };

  return (
    <>
      <PageHeader title={t("places.title")} description={t("places.description")} />
      <Stack gap="md">
        <Paper withBorder radius="md" p={{ base: "sm", sm: "lg" }} component="section" aria-labelledby="offices-title">
          <Title order={2} size="h4" id="offices-title" mb="sm">
            {t("places.offices")}
          </Title>
          <Stack gap="md">
            <UnitSelect label={t("places.filter")} placeholder={t("places.allUnits")} clearable units={units} value={filter} onChange={setFilter} />
            <PlaceMap places={mapPlaces} onPick={pick} height={280} caption={t("places.mapCaption", { count: shown.length })} />
            <div id="office-form">
              <Title order={3} size="h5" mb="xs">
                {editing ? t("places.editing", { name: editing.name }) : t("places.newOffice")}
              </Title>
              <OfficeForm
                value={draft}
                onChange={setDraft}
                problems={problems}
                units={units}
                editing={editing !== null}
                busy={save.isPending}
                onSubmit={submit}
                onCancel={reset}
              />
            </div>
            <LogbookError error={save.error ?? remove.error} />
            {offices.isPending ? (
              <Loading />
            ) : (
              <OfficeList
                offices={shown}
                units={units}
                onEdit={startEdit}
                onDelete={setConfirm}
                deleting={remove.isPending ? (remove.variables ?? null) : null}
              />
            )}
          </Stack>
        </Paper>
        <Paper withBorder radius="md" p={{ base: "sm", sm: "lg" }} component="section" aria-labelledby="proposals-title">
          <Title order={2} size="h4" id="proposals-title" mb="xs">
            {t("places.proposals")}
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            {t("places.proposalsHint")}
          </Text>
          <LogbookError error={proposals.error ?? decide.error} />
          {proposals.isPending ? (
            <Loading />
          ) : (
            <ProposalList proposals={proposals.data ?? []} onDecide={onDecide} busy={decide.isPending ? (decide.variables?.id ?? null) : null} />
          )}
        </Paper>
      </Stack>
      <Modal
        opened={confirm !== null}
        onClose={() => setConfirm(null)}
        title={t("places.confirmDelete", { name: confirm?.name ?? "" })}
        closeButtonProps={{ "aria-label": t("close") }}
        centered
      >
        <Text size="sm">{t("places.confirmDeleteBody")}</Text>
        <Group justify="flex-end" gap="xs" mt="md">
          <Button variant="default" onClick={() => setConfirm(null)}>
            {t("cancel")}
          </Button>
          <Button
            color="red.9"
            onClick={() => {
              if (confirm) remove.mutate(confirm.id, { onSuccess: () => (editing?.id === confirm.id ? reset() : undefined) });
              setConfirm(null);
            }}
          >
            {t("places.delete")}
          </Button>
        </Group>
      </Modal>
    </>
  );
}
