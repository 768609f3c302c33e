import { IconChartLine, IconLayoutDashboard, IconMap2 } from "@tabler/icons-react";
import { lazy } from "react";
import type { RouteObject } from "react-router";
import type { Me } from "../../api/types";
import { guardedPage } from "../../app/guardedPage";
import type { NavItem } from "../../app/nav";

const BoardPage = lazy(() => import("./pages/BoardPage"));
const MapPage = lazy(() => import("./pages/MapPage"));
const TrendsPage = lazy(() => import("./pages/TrendsPage"));
const EmployeePage = lazy(() => import("./pages/EmployeePage"));

const MONITOR_ROLES = new Set(["hr_admin", "leader", "health_officer"]);

/** Leaders, HR, health officers and unit heads: the people with a monitoring scope (the server decides its extent). */
export const canMonitor = (me: Me) => me.isSupervisor || me.grants.some((g) => MONITOR_ROLES.has(g.role));

/** Monitoring: the board, map, trends and employee calendar. */
export const monitoringRoutes: RouteObject[] = [
  { path: "/monitoring", element: guardedPage(BoardPage, canMonitor) },
  { path: "/monitoring/map", element: guardedPage(MapPage, canMonitor) },
  { path: "/monitoring/trends", element: guardedPage(TrendsPage, canMonitor) },
  { path: "/monitoring/employees/:id", element: guardedPage(EmployeePage, canMonitor) },
];

export const monitoringNav: NavItem[] = [
  { to: "/monitoring", labelKey: "monitoring:nav.board", icon: IconLayoutDashboard, visible: canMonitor },
  { to: "/monitoring/map", labelKey: "monitoring:nav.map", icon: IconMap2, visible: canMonitor },
  { to: "/monitoring/trends", labelKey: "monitoring:nav.trends", icon: IconChartLine, visible: canMonitor },
];
