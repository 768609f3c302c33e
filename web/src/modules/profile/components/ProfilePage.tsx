import { Stack } from "@mantine/core";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { useLocation } from "react-router";
import { Loading } from "../../../ui/Loading";
import { PageHeader } from "../../../ui/PageHeader";
import { useMe } from "../../auth/hooks";
import { DataAccessSection } from "./DataAccessSection";
import { LanguageSection } from "./LanguageSection";
import { OwnDataSection } from "./OwnDataSection";
import { PasswordSection } from "./PasswordSection";
import { SessionsSection } from "./SessionsSection";

export function ProfilePage() {
  const { t } = useTranslation("profile");
  const me = useMe();
  const { hash } = useLocation();
  const ready = Boolean(me.data);
  useEffect(() => {
    if (ready && hash) document.getElementById(hash.slice(1))?.scrollIntoView();
  }, [ready, hash]);
  if (!me.data) return <Loading />;
  return (
    <>
      <PageHeader title={t("title")} description={me.data.displayName} />
      <Stack gap="lg">
        <OwnDataSection me={me.data} />
        <LanguageSection />
        <PasswordSection />
        <SessionsSection />
        <DataAccessSection />
      </Stack>
    </>
  );
}
