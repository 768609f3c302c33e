import { Alert, Badge, Button, Card, Checkbox, CopyButton, Group, Modal, Stack, Switch, Table, Text, TextInput } from "@mantine/core";
import { IconCheck, IconCopy } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { useFieldErrors } from "../../../ui/fieldErrors";
import { formatters } from "../../../ui/format";
import { Loading } from "../../../ui/Loading";
import { PageHeader } from "../../../ui/PageHeader";
import { LRS_SCOPES, type LrsClient, type LrsScope, useCreateLrsClient, useDeleteLrsClient, useLrsClients, useUpdateLrsClient } from "../api";

/** Learning and HR admins: the agency's LRS clients (HTTP Basic credentials for xAPI content and tools). */
export default function ClientsPage() {
  const { t } = useTranslation("lrs");
  const q = useLrsClients();
  return (
    <>
      <PageHeader title={t("clients.title")} description={t("clients.description", { endpoint: `${window.location.origin}/xapi/` })} />
      <CreateClient />
      <ErrorAlert error={q.error} />
      {q.isPending ? <Loading /> : null}
      {q.data ? <ClientTable clients={q.data.items} /> : null}
    </>
  );
}

function CreateClient() {
  const { t } = useTranslation("lrs");
  const create = useCreateLrsClient();
  const errors = useFieldErrors(create.error);
  const [name, setName] = useState("");
  const [scopes, setScopes] = useState<LrsScope[]>(["statements/write", "statements/read/mine", "state"]);
  const [secret, setSecret] = useState<{ key: string; secret: string } | null>(null);
  return (
    <Card
      withBorder
      mb="lg"
      component="form"
      aria-labelledby="lrs-new-client"
      onSubmit={(e) => {
        e.preventDefault();
        create.mutate(
          { name, scopes },
          {
            onSuccess: (c) => {
              setSecret({ key: c.key, secret: c.secret });
              setName("");
            },
          },
        );
      }}
    >
      <Stack>
        <Text fw={600} id="lrs-new-client">
          {t("clients.new")}
        </Text>
        <TextInput label={t("clients.name")} value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.name} required maw={420} />
        <Checkbox.Group label={t("clients.scopes")} value={scopes} onChange={(v) => setScopes(v as LrsScope[])} error={errors.scopes}>
          <Group mt="xs" wrap="wrap">
            {LRS_SCOPES.map((s) => (
              <Checkbox key={s} value={s} label={t(`scope.${s}`)} />
            ))}
          </Group>
        </Checkbox.Group>
        <ErrorAlert error={create.error} />
        <Group>
          <Button type="submit" loading={create.isPending}>
            {t("clients.create")}
          </Button>
        </Group>
      </Stack>
      <Modal opened={secret !== null} onClose={() => setSecret(null)} title={t("clients.secretTitle")} closeOnClickOutside={false}>
        <Stack>
          <Alert color="yellow">{t("clients.secretOnce")}</Alert>
          <TextInput label={t("clients.key")} value={secret?.key ?? ""} readOnly ff="monospace" />
          <TextInput label={t("clients.secret")} value={secret?.secret ?? ""} readOnly ff="monospace" />
          <Group justify="space-between">
            <CopyButton value={secret?.secret ?? ""}>
              {({ copied, copy }) => (
                <Button variant="light" color={copied ? "teal" : "blue"} leftSection={copied ? <IconCheck size={16} /> : <IconCopy size={16} />} onClick={copy}>
                  {copied ? t("clients.copied") : t("clients.copy")}
                </Button>
              )}
            </CopyButton>
            <Button onClick={() => setSecret(null)}>{t("clients.close")}</Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  );
}

function ClientTable({ clients }: { clients: LrsClient[] }) {
  const { t, i18n } = useTranslation("lrs");
  const update = useUpdateLrsClient();
  const remove = useDeleteLrsClient();
  const f = formatters(i18n.language);
  if (clients.length === 0) return <Text c="dimmed">{t("clients.empty")}</Text>;
  return (
    <>
      <ErrorAlert error={update.error ?? remove.error} />
      <Table.ScrollContainer minWidth={640}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("clients.name")}</Table.Th>
              <Table.Th>{t("clients.key")}</Table.Th>
              <Table.Th>{t("clients.scopes")}</Table.Th>
              <Table.Th>{t("clients.created")}</Table.Th>
              <Table.Th>{t("clients.enabled")}</Table.Th>
              <Table.Th>
                <span className="sr-only">{t("clients.actions")}</span>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {clients.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>{c.name}</Table.Td>
                <Table.Td ff="monospace">{c.key}</Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="wrap">
                    {c.scopes.map((s) => (
                      <Badge key={s} variant="light">
                        {t(`scope.${s}`)}
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td>{f.dateTime(c.createdAt)}</Table.Td>
                <Table.Td>
                  <Switch
                    checked={c.enabled}
                    aria-label={t("clients.enabledFor", { name: c.name })}
                    onChange={(e) => update.mutate({ id: c.id, enabled: e.currentTarget.checked })}
                  />
                </Table.Td>
                <Table.Td>
                  <Button
                    size="xs"
                    color="red"
                    variant="light"
                    onClick={() => {
                      if (window.confirm(t("clients.confirmDelete", { name: c.name }))) remove.mutate(c.id);
                    }}
                  >
                    {t("clients.delete")}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}
