import { IconCalendarUser, IconChecklist, IconGavel, IconLayoutGrid, IconMessageQuestion, IconUserHeart } from "@tabler/icons-react";
import { lazy } from "react";
import { Navigate, type RouteObject } from "react-router";
import type { Me } from "../../api/types";
import { guardedPage } from "../../app/guardedPage";
import type { NavItem } from "../../app/nav";

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

/** Work arrangement: the HR roster, the own week, the request decisions and the work-from-home factors. */
export const arrangementRoutes: RouteObject[] = [
  { path: "/arrangement", element: <Navigate to="/arrangement/my-week" replace /> },
  { path: "/arrangement/roster", element: guardedPage(RosterPage, managesRoster) },
  { path: "/arrangement/my-week", element: guardedPage(MyWeekPage, isEmployee) },
  { path: "/arrangement/requests", element: guardedPage(RequestsPage, decides) },
  { path: "/arrangement/policy", element: guardedPage(PolicyPage, isAgencyHr) },
  { path: "/arrangement/my-factors", element: guardedPage(MyFactorsPage, isEmployee) },
  { path: "/arrangement/factors", element: guardedPage(FactorsPage, managesRoster) },
];

export const arrangementNav: NavItem[] = [
  { to: "/arrangement/my-week", labelKey: "arrangement:nav.myWeek", icon: IconCalendarUser, visible: isEmployee },
  { to: "/arrangement/my-factors", labelKey: "arrangement:nav.myFactors", icon: IconUserHeart, visible: isEmployee },
  { to: "/arrangement/requests", labelKey: "arrangement:nav.requests", icon: IconMessageQuestion, visible: decides },
  { to: "/arrangement/roster", labelKey: "arrangement:nav.roster", icon: IconLayoutGrid, visible: managesRoster },
  { to: "/arrangement/factors", labelKey: "arrangement:nav.factors", icon: IconChecklist, visible: managesRoster },
  { to: "/arrangement/policy", labelKey: "arrangement:nav.policy", icon: IconGavel, visible: isAgencyHr },
];
