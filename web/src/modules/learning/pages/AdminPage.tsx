import { Button, Tabs } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import type { Me } from "../../../api/types";
import { PageHeader } from "../../../ui/PageHeader";
import { useMe } from "../../auth/hooks";
import { CoursesSection } from "../admin/CoursesSection";
import { FacilitatingSection } from "../admin/FacilitatingSection";
import { PathsSection } from "../admin/PathsSection";
import { RulesSection } from "../admin/RulesSection";

export { STATUS_COLOR } from "../admin/CoursesSection";

interface Tab {
  value: string;
  labelKey: string;
  allow: (me: Me) => boolean;
  render: () => ReactNode;
}

const isAdmin = (me: Me) => me.grants.some((g) => g.role === "learning_admin");
const facilitates = (me: Me) => me.grants.some((g) => g.role === "learning_admin" || g.role === "facilitator");

const TABS: Tab[] = [
  { value: "courses", labelKey: "admin.tabs.courses", allow: isAdmin, render: () => <CoursesSection /> },
  { value: "paths", labelKey: "admin.tabs.paths", allow: isAdmin, render: () => <PathsSection /> },
  { value: "rules", labelKey: "admin.tabs.rules", allow: isAdmin, render: () => <RulesSection /> },
  { value: "facilitating", labelKey: "admin.tabs.facilitating", allow: facilitates, render: () => <FacilitatingSection /> },
];

/** Managing learning, one tab per task; each person sees the tabs their roles allow (the server checks again). */
export default function AdminPage() {
  const { t } = useTranslation("learning");
  const me = useMe().data;
  const [params, setParams] = useSearchParams();
  const tabs = me ? TABS.filter((tab) => tab.allow(me)) : [];
  const wanted = params.get("tab");
  const active = tabs.find((tab) => tab.value === wanted)?.value ?? tabs[0]?.value ?? null;
  return (
    <>
      <PageHeader
        title={t("admin.title")}
        actions={
          me && isAdmin(me) ? (
            <Button variant="default" component={Link} to="/learning/admin/banks">
              {t("banks.title")}
            </Button>
          ) : null
        }
      />
      <Tabs value={active} onChange={(v) => v && setParams({ tab: v }, { replace: true })} keepMounted={false}>
        <Tabs.List mb="md">
          {tabs.map((tab) => (
            <Tabs.Tab key={tab.value} value={tab.value}>
              {t(tab.labelKey)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {tabs.map((tab) => (
          <Tabs.Panel key={tab.value} value={tab.value}>
            {tab.render()}
          </Tabs.Panel>
        ))}
      </Tabs>
    </>
  );
}
