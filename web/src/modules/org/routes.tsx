import { IconFileImport, IconSitemap, IconUsers } from "@tabler/icons-react";
import { lazy } from "react";
import { Navigate, type RouteObject } from "react-router";
import type { Me } from "../../api/types";
import { guardedPage } from "../../app/guardedPage";
import type { NavItem } from "../../app/nav";

const UnitsPage = lazy(() => import("./pages/UnitsPage"));
const EmployeesPage = lazy(() => import("./pages/EmployeesPage"));
const EmployeePage = lazy(() => import("./pages/EmployeePage"));
const EmployeeFormPage = lazy(() => import("./pages/EmployeeFormPage"));
const ImportPage = lazy(() => import("./import/ImportPage"));

const canManage = (me: Me) => me.can.manageOrg;
const canView = (me: Me) => me.can.manageOrg || me.can.viewEmployees;
const anyone = () => true;

/** Organisation pages, mounted by the app shell inside the signed-in layout. */
export const orgRoutes: RouteObject[] = [
  { path: "/org", element: <Navigate to="/org/employees" replace /> },
  { path: "/org/units", element: guardedPage(UnitsPage, canView) },
  { path: "/org/employees", element: guardedPage(EmployeesPage, canView) },
  { path: "/org/employees/new", element: guardedPage(EmployeeFormPage, canManage) },
  // Anyone may open a profile link; the server answers with what the viewer may see (their own, their reports, their scope).
  { path: "/org/employees/:id", element: guardedPage(EmployeePage, anyone) },
  { path: "/org/employees/:id/edit", element: guardedPage(EmployeeFormPage, canManage) },
  { path: "/org/import", element: guardedPage(ImportPage, canManage) },
];

export const orgNav: NavItem[] = [
  { to: "/org/units", labelKey: "org:nav.units", icon: IconSitemap, visible: canManage },
  { to: "/org/employees", labelKey: "org:nav.employees", icon: IconUsers, visible: canView },
  { to: "/org/import", labelKey: "org:nav.import", icon: IconFileImport, visible: canManage },
];
