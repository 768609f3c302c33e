import { Button, Center, Stack } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, Outlet, useLocation, useSearchParams } from "react-router";
import { ApiError } from "../api/client";
import type { Me } from "../api/types";
import { useMe } from "../modules/auth/hooks";
import { loginPath, safeNext } from "../modules/auth/next";
import { useSetupStatus } from "../modules/setup/api";
import { ErrorAlert } from "../ui/ErrorAlert";
import { Loading } from "../ui/Loading";

function LoadFailed({ error, retry }: { error: unknown; retry: () => void }) {
  const { t } = useTranslation();
  return (
    <Center component="main" mih="100dvh" p="md">
      <Stack maw={420} w="100%">
        <ErrorAlert error={error} title={t("common:errors.title")} />
        <Button onClick={retry} variant="default">
          {t("common:retry")}
        </Button>
      </Stack>
    </Center>
  );
}

/** Until the first-run setup is done, every page is the setup page; afterwards the setup page is gone. */
export function SetupGate() {
  const status = useSetupStatus();
  const { pathname } = useLocation();
  if (status.error) return <LoadFailed error={status.error} retry={() => void status.refetch()} />;
  if (!status.data) return <Loading fullPage />;
  const onSetup = pathname === "/setup";
  if (status.data.needed && !onSetup) return <Navigate to="/setup" replace />;
  if (!status.data.needed && onSetup) return <Navigate to="/" replace />;
  return <Outlet />;
}

/** The session as the guards see it: undefined while loading, null when signed out. */
function useSession(): { me: Me | null | undefined; error: unknown; retry: () => void } {
  const q = useMe();
  const signedOut = q.error instanceof ApiError && q.error.status === 401;
  if (signedOut) return { me: null, error: null, retry: () => undefined };
  return { me: q.data, error: q.data === undefined ? q.error : null, retry: () => void q.refetch() };
}

function SessionGate({ render }: { render: (me: Me | null) => ReactNode }) {
  const { me, error, retry } = useSession();
  if (error) return <LoadFailed error={error} retry={retry} />;
  if (me === undefined) return <Loading fullPage />;
  return <>{render(me)}</>;
}

/** Signed-in pages: anyone else goes to sign-in, keeping the wanted address to come back to. */
export function RequireAuth() {
  const { pathname, search } = useLocation();
  return <SessionGate render={(me) => (me ? <Outlet /> : <Navigate to={loginPath(pathname + search)} replace />)} />;
}

/** While the account must get a new password, nothing else opens. */
export function RequirePasswordChanged() {
  return <SessionGate render={(me) => (me?.mustChangePassword ? <Navigate to="/change-password" replace /> : <Outlet />)} />;
}

/** The forced change-password page is only for accounts that must change it. */
export function OnlyWhenPasswordMustChange() {
  return <SessionGate render={(me) => (me?.mustChangePassword ? <Outlet /> : <Navigate to="/" replace />)} />;
}

/** Sign-in is for signed-out people; signed-in people go where they wanted to. */
export function GuestOnly() {
  const [params] = useSearchParams();
  return <SessionGate render={(me) => (me ? <Navigate to={safeNext(params.get("next"))} replace /> : <Outlet />)} />;
}
