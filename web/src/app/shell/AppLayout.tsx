import { AppShell, Container } from "@mantine/core";
import { useDisclosure, useMediaQuery } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import { Outlet } from "react-router";
import { useMe } from "../../modules/auth/hooks";
import { Loading } from "../../ui/Loading";
import { ShellHeader } from "./ShellHeader";
import { ShellNav } from "./ShellNav";

/** The signed-in frame: header, navigation (a drawer behind the burger on phones) and the page. */
export function AppLayout() {
  const { t } = useTranslation();
  const me = useMe().data;
  const [opened, { toggle, close }] = useDisclosure(false);
  const phone = useMediaQuery("(max-width: 47.99em)", false);
  if (!me) return <Loading fullPage />;
  const hidden = phone && !opened;
  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 250, breakpoint: "sm", collapsed: { mobile: !opened } }} padding={{ base: "sm", sm: "md" }}>
      <AppShell.Header>
        <ShellHeader me={me} navOpened={opened} onToggleNav={toggle} />
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t("common:nav.label")} inert={hidden || undefined}>
        <ShellNav me={me} onNavigate={close} />
      </AppShell.Navbar>
      <AppShell.Main bg="gray.0">
        <Container size="lg" px={0} py={{ base: "xs", sm: "md" }}>
          <Outlet />
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}
