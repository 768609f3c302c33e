import { IconCalendarUser, IconChecklist, IconGavel, IconLayoutGrid, IconMessageQuestion, IconUserHeart } from "@tabler/icons-react";
import { type ComponentType, lazy, Suspense } from "react";
import { Navigate, type RouteObject } from "react-router";
import type { Me } from "../../api/types";
import type { NavItem } from "../../app/nav";
import { Loading } from "../../ui/Loading";
import { Guard } from "../org/components/Guard";

const RosterPage = lazy(() => import("./pages/RosterPage"));
const MyWeekPage = lazy(() => import("./pages/MyWeekPage"));
const RequestsPage = lazy(() => import("./pages/RequestsPage"));
const PolicyPage = lazy(() => import("./pages/PolicyPage"));
const MyFactorsPage = lazy(() => import("./pages/MyFactorsPage"));
const FactorsPage = lazy(() => import("./pages/FactorsPage"));

const isEmployee = (me: Me) => me.employeeId !== null;
const managesRoster = (me: Me) => me.can.manageOrg;
const isAgencyHr = (me: Me) => me.grants.some((g) => g.role === "hr_admin" && g.unitId === null);
const decides = (me: Me) => me.isSupervisor || me.grants.some((g) => g.role === "hr_admin");

function page(Page: ComponentType, allow: (me: Me) => boolean) {
  return (
    <Guard allow={allow}>
      <Suspense fallback={<Loading />}>
        <Page />
      </Suspense>
    </Guard>
  );
}

/** Work arrangement: the HR roster, the own week, the request decisions and the work-from-home factors. */
export const arrangementRoutes: RouteObject[] = [
  { path: "/arrangement", element: <Navigate to="/arrangement/my-week" replace /> },
  { path: "/arrangement/roster", element: page(RosterPage, managesRoster) },
  { path: "/arrangement/my-week", element: page(MyWeekPage, isEmployee) },
  { path: "/arrangement/requests", element: page(RequestsPage, decides) },
  { path: "/arrangement/policy", element: page(PolicyPage, isAgencyHr) },
  { path: "/arrangement/my-factors", element: page(MyFactorsPage, isEmployee) },
  { path: "/arrangement/factors", element: page(FactorsPage, managesRoster) },
];

export const arrangementNav: NavItem[] = [
  { to: "/arrangement/my-week", labelKey: "arrangement:nav.myWeek", icon: IconCalendarUser, visible: isEmployee },
  { to: "/arrangement/my-factors", labelKey: "arrangement:nav.myFactors", icon: IconUserHeart, visible: isEmployee },
  { to: "/arrangement/requests", labelKey: "arrangement:nav.requests", icon: IconMessageQuestion, visible: decides },
  { to: "/arrangement/roster", labelKey: "arrangement:nav.roster", icon: IconLayoutGrid, visible: managesRoster },
  { to: "/arrangement/factors", labelKey: "arrangement:nav.factors", icon: IconChecklist, visible: managesRoster },
  { to: "/arrangement/policy", labelKey: "arrangement:nav.policy", icon: IconGavel, visible: isAgencyHr },
];
