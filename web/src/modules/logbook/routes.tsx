import {
  IconCalendarEvent,
  IconCalendarStats,
  IconChecklist,
  IconFileExport,
  IconHeartbeat,
  IconHomeCheck,
  IconMapPins,
  IconSettings,
  IconSun,
  IconTarget,
} from "@tabler/icons-react";
import { lazy } from "react";
import { Navigate, type RouteObject } from "react-router";
import type { Me } from "../../api/types";
import { guardedPage } from "../../app/guardedPage";
import type { NavItem } from "../../app/nav";

const TodayPage = lazy(() => import("./pages/TodayPage"));
const ReportsPage = lazy(() => import("./pages/ReportsPage"));
const ReportPage = lazy(() => import("./pages/ReportPage"));
const ReviewPage = lazy(() => import("./pages/ReviewPage"));
const HealthPage = lazy(() => import("./pages/HealthPage"));
const HealthEmployeePage = lazy(() => import("./pages/HealthEmployeePage"));
const PlacesPage = lazy(() => import("./pages/PlacesPage"));
const MyPlacesPage = lazy(() => import("./pages/MyPlacesPage"));
const SettingsPage = lazy(() => import("./pages/SettingsPage"));
const TargetsPage = lazy(() => import("./pages/TargetsPage"));
const CalendarPage = lazy(() => import("./pages/CalendarPage"));
const ExportPage = lazy(() => import("./pages/ExportPage"));

const hasRole = (me: Me, role: string) => me.grants.some((g) => g.role === role);
export const isEmployee = (me: Me) => me.employeeId !== null;
const isSupervisor = (me: Me) => me.isSupervisor;
const isHealthOfficer = (me: Me) => hasRole(me, "health_officer");
const seesHealth = (me: Me) => isHealthOfficer(me) || hasRole(me, "hr_admin") || hasRole(me, "leader");
const isHr = (me: Me) => hasRole(me, "hr_admin");
const isAgencyHr = (me: Me) => me.grants.some((g) => g.role === "hr_admin" && g.unitId === null);
const anyone = () => true;
const managesTargets = (me: Me) => isEmployee(me) || me.can.manageOrg;
const exports = (me: Me) => isEmployee(me) || me.isSupervisor || me.can.viewEmployees || me.can.manageOrg;

/** The daily logbook, mounted by the app shell inside the signed-in layout. */
export const logbookRoutes: RouteObject[] = [
  { path: "/logbook", element: <Navigate to="/logbook/today" replace /> },
  { path: "/logbook/today", element: guardedPage(TodayPage, isEmployee) },
  { path: "/logbook/reports", element: guardedPage(ReportsPage, isEmployee) },
  { path: "/logbook/reports/:date", element: guardedPage(ReportPage, isEmployee) },
  { path: "/logbook/review", element: guardedPage(ReviewPage, anyone) },
  { path: "/logbook/health", element: guardedPage(HealthPage, seesHealth) },
  // Linked from notifications; the server answers with what the viewer may see.
  { path: "/logbook/health/employees/:id", element: guardedPage(HealthEmployeePage, anyone) },
  { path: "/logbook/places", element: guardedPage(PlacesPage, isHr) },
  { path: "/logbook/my-places", element: guardedPage(MyPlacesPage, isEmployee) },
  { path: "/logbook/settings", element: guardedPage(SettingsPage, isAgencyHr) },
  { path: "/logbook/targets", element: guardedPage(TargetsPage, managesTargets) },
  { path: "/logbook/calendar", element: guardedPage(CalendarPage, anyone) },
  { path: "/logbook/export", element: guardedPage(ExportPage, exports) },
];

export const logbookNav: NavItem[] = [
  { to: "/logbook/today", labelKey: "logbook:nav.today", icon: IconSun, visible: isEmployee },
  { to: "/logbook/reports", labelKey: "logbook:nav.reports", icon: IconCalendarStats, visible: isEmployee },
  { to: "/logbook/review", labelKey: "logbook:nav.review", icon: IconChecklist, visible: isSupervisor },
  { to: "/logbook/health", labelKey: "logbook:nav.health", icon: IconHeartbeat, visible: isHealthOfficer },
  { to: "/logbook/places", labelKey: "logbook:nav.places", icon: IconMapPins, visible: isHr },
  { to: "/logbook/my-places", labelKey: "logbook:nav.myPlaces", icon: IconHomeCheck, visible: isEmployee },
  { to: "/logbook/targets", labelKey: "logbook:nav.targets", icon: IconTarget, visible: managesTargets },
  { to: "/logbook/calendar", labelKey: "logbook:nav.calendar", icon: IconCalendarEvent, visible: anyone },
  { to: "/logbook/export", labelKey: "logbook:nav.export", icon: IconFileExport, visible: exports },
  { to: "/logbook/settings", labelKey: "logbook:nav.settings", icon: IconSettings, visible: isAgencyHr },
];
