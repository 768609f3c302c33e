import { IconEye, IconHistory } from "@tabler/icons-react";
import { lazy } from "react";
import { Navigate, type RouteObject } from "react-router";
import type { Me } from "../../api/types";
import { guardedPage } from "../../app/guardedPage";
import type { NavItem } from "../../app/nav";

const EventsPage = lazy(() => import("./EventsPage"));
const AccessPage = lazy(() => import("./AccessPage"));

const canView = (me: Me) => me.can.viewAudit;

/** Audit pages, for agency-wide HR admins and operators. */
export const auditRoutes: RouteObject[] = [
  { path: "/audit", element: <Navigate to="/audit/events" replace /> },
  { path: "/audit/events", element: guardedPage(EventsPage, canView) },
  { path: "/audit/access", element: guardedPage(AccessPage, canView) },
];

export const auditNav: NavItem[] = [
  { to: "/audit/events", labelKey: "audit:nav.events", icon: IconHistory, visible: canView },
  { to: "/audit/access", labelKey: "audit:nav.access", icon: IconEye, visible: canView },
];
