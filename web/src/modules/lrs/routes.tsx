import { IconCertificate, IconPlugConnected } from "@tabler/icons-react";
import { lazy } from "react";
import type { RouteObject } from "react-router";
import type { Me } from "../../api/types";
import { guardedPage } from "../../app/guardedPage";
import type { NavItem } from "../../app/nav";

const ClientsPage = lazy(() => import("./pages/ClientsPage"));
const MyRecordPage = lazy(() => import("./pages/MyRecordPage"));
const EmployeeRecordPage = lazy(() => import("./pages/EmployeeRecordPage"));

const isEmployee = (me: Me) => me.employeeId !== null;
/** HR and learning admins (of any scope; the server checks the employee is in it). */
export const readsRecords = (me: Me) => me.grants.some((g) => g.role === "learning_admin" || g.role === "hr_admin");
const managesClients = (me: Me) =>
  me.grants.some((g) => (g.role === "learning_admin" || g.role === "hr_admin") && g.unitId === null && g.agencyId === me.agencyId);

/** The Learning Record Store: LRS clients and learners' records. */
export const lrsRoutes: RouteObject[] = [
  { path: "/lrs/clients", element: guardedPage(ClientsPage, managesClients) },
  { path: "/lrs/my-record", element: guardedPage(MyRecordPage, isEmployee) },
  { path: "/lrs/employees/:id/record", element: guardedPage(EmployeeRecordPage, readsRecords) },
];

export const lrsNav: NavItem[] = [
  { to: "/lrs/my-record", labelKey: "lrs:nav.myRecord", icon: IconCertificate, visible: isEmployee },
  { to: "/lrs/clients", labelKey: "lrs:nav.clients", icon: IconPlugConnected, visible: managesClients },
];
