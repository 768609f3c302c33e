import { IconEye, IconHistory } from "@tabler/icons-react";
import { type ComponentType, lazy, Suspense } from "react";
import { Navigate, type RouteObject } from "react-router";
import type { Me } from "../../api/types";
import type { NavItem } from "../../app/nav";
import { Loading } from "../../ui/Loading";
import { Guard } from "../org/components/Guard";

const EventsPage = lazy(() => import("./EventsPage"));
const AccessPage = lazy(() => import("./AccessPage"));

const canView = (me: Me) => me.can.viewAudit;

function page(Page: ComponentType) {
  return (
    <Guard allow={canView}>
      <Suspense fallback={<Loading />}>
        <Page />
      </Suspense>
    </Guard>
  );
}

/** Audit pages, for agency-wide HR admins and operators. */
export const auditRoutes: RouteObject[] = [
  { path: "/audit", element: <Navigate to="/audit/events" replace /> },
  { path: "/audit/events", element: page(EventsPage) },
  { path: "/audit/access", element: page(AccessPage) },
];

export const auditNav: NavItem[] = [
  { to: "/audit/events", labelKey: "audit:nav.events", icon: IconHistory, visible: canView },
  { to: "/audit/access", labelKey: "audit:nav.access", icon: IconEye, visible: canView },
];
