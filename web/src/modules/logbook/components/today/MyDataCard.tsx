import { Anchor, Group, Paper, Text, Title } from "@mantine/core";
import { IconDownload } from "@tabler/icons-react";
import { useId } from "react";
import { useTranslation } from "react-i18next";

/** Download everything Abdi holds about oneself, and who read it (UU 27/2022). */
export function MyDataCard() {
  const { t, i18n } = useTranslation("logbook");
  const id = useId();
  const lang = i18n.language === "en" ? "en" : "id";
  return (
    <Paper component="section" aria-labelledby={id} withBorder radius="md" p={{ base: "sm", sm: "lg" }}>
      <Title order={2} size="h5" id={id}>
        {t("myData.title")}
      </Title>
      <Text size="sm" c="dimmed" mt={4}>
        {t("myData.body")}
      </Text>
      <Group gap="lg" mt="sm">
        <Anchor href="/api/v1/me/data.json" download size="sm">
          <IconDownload size={16} aria-hidden style={{ verticalAlign: "-3px" }} /> {t("myData.json")}
        </Anchor>
        <Anchor href={`/api/v1/me/data.pdf?lang=${lang}`} download size="sm">
          <IconDownload size={16} aria-hidden style={{ verticalAlign: "-3px" }} /> {t("myData.pdf")}
        </Anchor>
      </Group>
    </Paper>
  );
}
