import { Badge, Button, Group, Paper, Stack, Text } from "@mantine/core";
import { IconArchive, IconPencil } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import type { FullTarget } from "../../targetsApi";

interface Props {
  target: FullTarget;
  onEdit: () => void;
  onArchive: () => void;
  archiving: boolean;
}

/** One target (RHK) with its indicators, and its edit and archive actions. */
export function TargetCard({ target, onEdit, onArchive, archiving }: Props) {
  const { t, i18n } = useTranslation("logbook");
  const number = new Intl.NumberFormat(i18n.language === "en" ? "en-GB" : "id-ID");
  return (
    <Paper component="li" withBorder radius="md" p="sm" aria-label={target.title}>
      <Stack gap={6}>
        {target.code ? (
          <Badge variant="light" style={{ alignSelf: "flex-start" }}>
            {target.code}
          </Badge>
        ) : null}
        <Text fw={600} style={{ overflowWrap: "anywhere" }}>
          {target.title}
        </Text>
        <Stack component="ul" gap={2} m={0} pl="md">
          {target.indicators.map((ind, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: indicators are listed in their stored order
            <Text component="li" size="sm" key={i} style={{ overflowWrap: "anywhere" }}>
              {ind.name}: <strong>{number.format(ind.target)}</strong> {ind.unit}
            </Text>
          ))}
        </Stack>
        <Group gap="xs">
          <Button
            size="compact-sm"
            variant="subtle"
            leftSection={<IconPencil size={14} aria-hidden />}
            onClick={onEdit}
            aria-label={t("targets.editNamed", { title: target.title })}
          >
            {t("targets.edit")}
          </Button>
          <Button
            size="compact-sm"
            variant="subtle"
            color="red"
            c="red.9"
            leftSection={<IconArchive size={14} aria-hidden />}
            onClick={onArchive}
            loading={archiving}
            aria-label={t("targets.archiveNamed", { title: target.title })}
          >
            {t("targets.archive")}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
