import { Button, Group, Modal, NativeSelect, Stack, Textarea, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../../../api/client";
import { useFieldErrors } from "../../../../ui/fieldErrors";
import { type CalendarDay, type CalendarPeriod, type DayKind, useSaveDay, useSavePeriod } from "../../targetsApi";
import { LogbookError } from "../LogbookError";
import { Notice } from "../Notice";

export type Editing = { what: "day"; entry: CalendarDay | null } | { what: "period"; entry: CalendarPeriod | null };

interface Props {
  editing: Editing;
  year: number;
  onClose: () => void;
}

/** Operators: adds or corrects a day off or a Ramadan period. */
export function EntryForm({ editing, year, onClose }: Props) {
  const { t } = useTranslation("logbook");
  const saveDay = useSaveDay();
  const savePeriod = useSavePeriod();
  const save = editing.what === "day" ? saveDay : savePeriod;
  const day = editing.what === "day" ? editing.entry : null;
  const period = editing.what === "period" ? editing.entry : null;
  const entry = editing.entry;
  const [date, setDate] = useState(day?.date ?? `${year}-01-01`);
  const [kind, setKind] = useState<DayKind>(day?.kind ?? "holiday");
  const [startsOn, setStartsOn] = useState(period?.startsOn ?? `${year}-03-01`);
  const [endsOn, setEndsOn] = useState(period?.endsOn ?? `${year}-03-30`);
  const [nameId, setNameId] = useState(entry?.nameId ?? "");
  const [nameEn, setNameEn] = useState(entry?.nameEn ?? "");
  const [legalBasis, setLegalBasis] = useState(entry?.legalBasis ?? "");
  const errors = useFieldErrors(save.error);
  const duplicate = save.error instanceof ApiError && save.error.status === 409;
  const ready = nameId.trim() !== "" && nameEn.trim() !== "" && legalBasis.trim() !== "";

  const submit = () => {
    const names = { nameId: nameId.trim(), nameEn: nameEn.trim(), legalBasis: legalBasis.trim() };
    if (editing.what === "day") saveDay.mutate({ id: day?.id ?? null, input: { date, kind, ...names } }, { onSuccess: onClose });
    else savePeriod.mutate({ id: period?.id ?? null, input: { startsOn, endsOn, ...names } }, { onSuccess: onClose });
  };
  const title = t(`calendar.form.${editing.what}${entry ? "Edit" : "New"}`);

  return (
    <Modal opened onClose={onClose} title={title} closeButtonProps={{ "aria-label": t("close") }}>
      <Stack gap="sm">
        {editing.what === "day" ? (
          <>
            <TextInput type="date" label={t("calendar.form.date")} required value={date} onChange={(e) => setDate(e.currentTarget.value)} error={errors.date} />
            <NativeSelect
              label={t("calendar.form.kind")}
              value={kind}
              onChange={(e) => setKind(e.currentTarget.value === "cuti_bersama" ? "cuti_bersama" : "holiday")}
              data={[
                { value: "holiday", label: t("calendar.kind.holiday") },
                { value: "cuti_bersama", label: t("calendar.kind.cuti_bersama") },
              ]}
            />
          </>
        ) : (
          <Group grow gap="xs">
            <TextInput
              type="date"
              label={t("calendar.form.startsOn")}
              required
              value={startsOn}
              onChange={(e) => setStartsOn(e.currentTarget.value)}
              error={errors.startsOn}
            />
            <TextInput
              type="date"
              label={t("calendar.form.endsOn")}
              required
              value={endsOn}
              onChange={(e) => setEndsOn(e.currentTarget.value)}
              error={errors.endsOn}
            />
          </Group>
        )}
        <TextInput
          label={t("calendar.form.nameId")}
          required
          maxLength={200}
          value={nameId}
          onChange={(e) => setNameId(e.currentTarget.value)}
          error={errors.nameId}
        />
        <TextInput
          label={t("calendar.form.nameEn")}
          required
          maxLength={200}
          value={nameEn}
          onChange={(e) => setNameEn(e.currentTarget.value)}
          error={errors.nameEn}
        />
        <Textarea
          label={t("calendar.form.legalBasis")}
          required
          autosize
          minRows={2}
          maxLength={500}
          value={legalBasis}
          onChange={(e) => setLegalBasis(e.currentTarget.value)}
          error={errors.legalBasis}
        />
        {duplicate ? (
          <Notice color="red" variant="light" role="alert">
            {t(`calendar.form.${editing.what}Duplicate`)}
          </Notice>
        ) : (
          <LogbookError error={save.error && Object.keys(errors).length === 0 ? save.error : null} />
        )}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            {t("cancel")}
          </Button>
          <Button onClick={submit} disabled={!ready} loading={save.isPending}>
            {t("calendar.form.save")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
