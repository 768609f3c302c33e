import { Alert, Button, Card, Fieldset, Group, NumberInput, SimpleGrid, Stack, Textarea, TextInput, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { useFieldErrors } from "../../../ui/fieldErrors";
import { type Policy, type PolicyWindow, type RiskArea, type RiskLevel, useCreatePolicy, WEIGHT_KEYS, type WeightKey } from "../policy";
import { CapList, type UnitCap, WindowList } from "./PolicyLists";
import { RiskAreaList, RiskLevelTable } from "./RiskLists";

const num = (v: string | number) => (typeof v === "number" ? v : Number(v) || 0);

/** A new policy version, prefilled from the version in force. */
export function PolicyForm({ base }: { base: Policy }) {
  const { t } = useTranslation("arrangement");
  const create = useCreatePolicy();
  const errors = useFieldErrors(create.error);
  const r = base.rules;
  const kept = r.caps.filter((c) => c.pct === undefined || c.date !== null);
  const [effectiveFrom, setEffectiveFrom] = useState("");
  const [legalBasis, setLegalBasis] = useState("");
  const [note, setNote] = useState("");
  const [defaultCapPct, setDefaultCapPct] = useState(r.defaultCapPct);
  const [caps, setCaps] = useState<UnitCap[]>(r.caps.filter((c) => c.pct !== undefined && c.date === null).map((c) => ({ unitId: c.unitId, pct: c.pct ?? 0 })));
  const [weights, setWeights] = useState<Record<WeightKey, number>>(r.weights);
  const [ageThreshold, setAgeThreshold] = useState(r.ageThreshold);
  const [pinnedEchelons, setPinnedEchelons] = useState(r.pinnedEchelons);
  const [windows, setWindows] = useState<PolicyWindow[]>(r.windows);
  const [riskLevels, setRiskLevels] = useState<RiskLevel[]>(r.riskLevels ?? []);
  const [riskAreas, setRiskAreas] = useState<RiskArea[]>(r.riskAreas ?? []);

  const submit = () =>
    create.mutate({
      effectiveFrom,
      legalBasis,
      note: note.trim() || null,
      rules: {
        ...r,
        defaultCapPct,
        weights,
        ageThreshold,
        pinnedEchelons,
        windows,
        riskLevels,
        riskAreas: riskAreas.map(({ legalBasis: basis, ...a }) => ({ ...a, endsOn: a.endsOn || null, ...(basis?.trim() ? { legalBasis: basis.trim() } : {}) })),
        caps: [...kept, ...caps.map((c) => ({ unitId: c.unitId, date: null, pct: c.pct }))],
      },
    });

  return (
    <Card withBorder component="section" aria-labelledby="new-policy">
      <Stack>
        <Title order={2} size="h4" id="new-policy">
          {t("policy.new")}
        </Title>
        <Group wrap="wrap" align="flex-start">
          <TextInput
            type="date"
            label={t("policy.effectiveFrom")}
            value={effectiveFrom}
            onChange={(e) => setEffectiveFrom(e.currentTarget.value)}
            error={errors.effectiveFrom}
            required
          />
          <NumberInput
            label={t("policy.defaultCap")}
            value={defaultCapPct}
            onChange={(v) => setDefaultCapPct(num(v))}
            error={errors["rules.defaultCapPct"]}
            w={160}
          />
        </Group>
        <TextInput
          label={t("policy.legalBasis")}
          value={legalBasis}
          onChange={(e) => setLegalBasis(e.currentTarget.value)}
          error={errors.legalBasis}
          required
        />
        <Textarea label={t("policy.note")} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={errors.note} />
        <Fieldset legend={t("policy.caps")}>
          <CapList caps={caps} onChange={setCaps} errors={errors} offset={kept.length} />
        </Fieldset>
        <Fieldset legend={t("policy.riskLevels")}>
          <RiskLevelTable levels={riskLevels} onChange={setRiskLevels} errors={errors} />
        </Fieldset>
        <Fieldset legend={t("policy.riskAreas")}>
          <RiskAreaList areas={riskAreas} levels={riskLevels} onChange={setRiskAreas} errors={errors} />
        </Fieldset>
        <Fieldset legend={t("policy.weights")}>
          <SimpleGrid cols={{ base: 2, sm: 3 }}>
            {WEIGHT_KEYS.map((k) => (
              <NumberInput
                key={k}
                label={t(`policy.weight.${k}`)}
                value={weights[k]}
                onChange={(v) => setWeights((w) => ({ ...w, [k]: num(v) }))}
                error={errors[`rules.weights.${k}`]}
              />
            ))}
          </SimpleGrid>
        </Fieldset>
        <Group wrap="wrap" align="flex-start">
          <NumberInput
            label={t("policy.ageThreshold")}
            value={ageThreshold}
            onChange={(v) => setAgeThreshold(num(v))}
            error={errors["rules.ageThreshold"]}
            w={160}
          />
          <NumberInput
            label={t("policy.pinnedEchelons")}
            value={pinnedEchelons}
            onChange={(v) => setPinnedEchelons(num(v))}
            error={errors["rules.pinnedEchelons"]}
            w={160}
          />
        </Group>
        <Fieldset legend={t("policy.windows")}>
          <WindowList windows={windows} onChange={setWindows} errors={errors} />
        </Fieldset>
        <ErrorAlert error={create.error} />
        {create.isSuccess ? <Alert color="green">{t("policy.saved")}</Alert> : null}
        <Button onClick={submit} loading={create.isPending} w="fit-content">
          {t("policy.save")}
        </Button>
      </Stack>
    </Card>
  );
}
