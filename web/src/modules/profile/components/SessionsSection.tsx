import { Stack } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { Loading } from "../../../ui/Loading";
import { Section } from "../../../ui/Section";
import { useSignOut } from "../../auth/hooks";
import { useRevokeSession, useSessions } from "../api";
import { SessionItem } from "./SessionItem";

/** Own signed-in devices; signing out the current one is an ordinary sign-out. */
export function SessionsSection() {
  const { t } = useTranslation("profile");
  const sessions = useSessions();
  const revoke = useRevokeSession();
  const signOut = useSignOut();

  const signOutDevice = (id: string, current: boolean) => {
    if (current) {
      signOut.mutate();
      return;
    }
    revoke.mutate(id, { onSuccess: () => notifications.show({ color: "green", message: t("sessions.signedOut") }) });
  };

  return (
    <Section title={t("sessions.title")} description={t("sessions.description")}>
      <ErrorAlert error={sessions.error ?? revoke.error} />
      {sessions.isPending ? <Loading /> : null}
      {sessions.data ? (
        <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: "none" }}>
          {sessions.data.map((s) => (
            <SessionItem
              key={s.id}
              session={s}
              onSignOut={() => signOutDevice(s.id, s.current)}
              pending={s.current ? signOut.isPending : revoke.isPending && revoke.variables === s.id}
            />
          ))}
        </Stack>
      ) : null}
    </Section>
  );
}
