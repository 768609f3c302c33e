import { Alert, Button, Card, CopyButton, Group, Modal, Stack, Text, TextInput, Title } from "@mantine/core";
import { IconCheck, IconCopy, IconKey } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useResetPassword } from "../api";
import type { Employee } from "../types";
import { ErrorAlert } from "./ErrorAlert";

/**
 * Sets a one-time password. It is shown once, in a dialog with a copy button,
 * and forgotten when the dialog closes.
 */
export function ResetPasswordCard({ employee }: { employee: Employee }) {
  const { t } = useTranslation("org");
  const reset = useResetPassword();
  const [confirming, setConfirming] = useState(false);
  const [password, setPassword] = useState<string | null>(null);

  const forget = () => {
    setPassword(null);
    reset.reset();
  };

  const run = () =>
    reset.mutate(employee.id, {
      onSuccess: (r) => {
        setConfirming(false);
        setPassword(r.temporaryPassword);
      },
    });

  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="xs">
        {t("reset.title")}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t("reset.description")}
      </Text>
      <Button
        variant="default"
        leftSection={<IconKey size={16} color="var(--mantine-color-orange-8)" />}
        onClick={() => setConfirming(true)}
        disabled={employee.status !== "active"}
      >
        {t("reset.button")}
      </Button>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t("reset.confirmTitle")}>
        <Stack>
          <Text size="sm">{t("reset.confirmBody", { name: employee.name })}</Text>
          <ErrorAlert error={reset.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t("actions.cancel")}
            </Button>
            <Button color="red.9" onClick={run} loading={reset.isPending}>
              {t("reset.confirm")}
            </Button>
          </Group>
        </Stack>
      </Modal>
      <Modal opened={password !== null} onClose={forget} title={t("reset.doneTitle")} closeOnClickOutside={false}>
        <Stack>
          <Alert color="yellow">{t("reset.onceWarning", { name: employee.name })}</Alert>
          <TextInput
            label={t("reset.temporaryPassword")}
            value={password ?? ""}
            readOnly
            ff="monospace"
            styles={{ input: { fontFamily: "monospace", fontSize: 18 } }}
          />
          <Group justify="space-between">
            <CopyButton value={password ?? ""}>
              {({ copied, copy }) => (
                <Button variant="light" color={copied ? "teal" : "blue"} leftSection={copied ? <IconCheck size={16} /> : <IconCopy size={16} />} onClick={copy}>
                  {copied ? t("reset.copied") : t("reset.copy")}
                </Button>
              )}
            </CopyButton>
            <Button onClick={forget}>{t("reset.close")}</Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  );
}
