import { Button, Group, Paper, Stack, Text } from "@mantine/core";
import { IconCheck, IconX } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../../../ui/format";
import { PlaceMap } from "../../map/PlaceMap";
import type { Proposal } from "../../types";
import { shapeText } from "./shapeText";

interface Props {
  proposals: Proposal[];
  onDecide: (p: Proposal, decision: "approve" | "reject") => void;
  busy: string | null;
}

/** People's proposed home and other places, each on its own small map, to approve or reject. */
export function ProposalList({ proposals, onDecide, busy }: Props) {
  const { t } = useTranslation("logbook");
  const format = useFormat();
  if (proposals.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t("places.noProposals")}
      </Text>
    );
  }
  return (
    <Stack component="ul" gap="sm" m={0} p={0} style={{ listStyle: "none" }}>
      {proposals.map((p) => (
        <Paper component="li" key={p.id} withBorder radius="md" p="sm">
          <Text fw={700} size="sm" style={{ overflowWrap: "anywhere" }}>
            {p.employee.name}
          </Text>
          <Text size="xs" c="dimmed" style={{ overflowWrap: "anywhere" }}>
            {p.employee.unitName} · {format.dateTime(p.createdAt)}
          </Text>
          <Text size="sm" mt={4}>
            {t(`places.kind.${p.kind}`)}: {p.name}
          </Text>
          <Text size="xs" c="dimmed" mb="xs">
            {shapeText(p.shape, t)}
          </Text>
          {p.shape ? (
            <PlaceMap
              height={150}
              places={[{ id: p.id, name: p.name, kind: p.kind, shape: p.shape }]}
              caption={t("places.proposalMap", { name: p.employee.name })}
            />
          ) : null}
          <Group gap="xs" mt="xs" grow>
            <Button
              variant="default"
              color="red.9"
              leftSection={<IconX size={16} aria-hidden />}
              onClick={() => onDecide(p, "reject")}
              disabled={busy === p.id}
            >
              {t("places.reject")}
            </Button>
            <Button leftSection={<IconCheck size={16} aria-hidden />} onClick={() => onDecide(p, "approve")} loading={busy === p.id}>
              {t("places.approve")}
            </Button>
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}
