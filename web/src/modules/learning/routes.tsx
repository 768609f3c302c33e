import { IconBook, IconCertificate, IconChartBar, IconRoute, IconSchool, IconSettings } from "@tabler/icons-react";
import { lazy, Suspense } from "react";
import type { RouteObject } from "react-router";
import type { Me } from "../../api/types";
import { guardedPage } from "../../app/guardedPage";
import type { NavItem } from "../../app/nav";
import { Loading } from "../../ui/Loading";

const CatalogPage = lazy(() => import("./pages/CatalogPage"));
const CoursePage = lazy(() => import("./pages/CoursePage"));
const DashboardPage = lazy(() => import("./pages/DashboardPage"));
const PlayerPage = lazy(() => import("./pages/PlayerPage"));
const AdminPage = lazy(() => import("./pages/AdminPage"));
const CourseEditorPage = lazy(() => import("./pages/CourseEditorPage"));
const RunPage = lazy(() => import("./pages/RunPage"));
const BanksPage = lazy(() => import("./pages/BanksPage"));
const JpPage = lazy(() => import("./pages/JpPage"));
const VerifyPage = lazy(() => import("./pages/VerifyPage"));
const PathsPage = lazy(() => import("./pages/PathsPage"));
const PathPage = lazy(() => import("./pages/PathPage"));
const CertificatesPage = lazy(() => import("./pages/CertificatesPage"));

const hasRole = (me: Me, role: string) => me.grants.some((g) => g.role === role);
const isEmployee = (me: Me) => me.employeeId !== null;
export const authors = (me: Me) => hasRole(me, "learning_admin") || hasRole(me, "facilitator");
export const isLearningAdmin = (me: Me) => hasRole(me, "learning_admin");
const isHr = (me: Me) => hasRole(me, "hr_admin");
const seesJp = (me: Me) => me.isSupervisor || hasRole(me, "hr_admin") || hasRole(me, "learning_admin");

/** Flexi learning: catalog, course player, authoring, JP and certificates. */
export const learningRoutes: RouteObject[] = [
  { path: "/learning", element: guardedPage(CatalogPage, isEmployee) },
  { path: "/learning/courses/:id", element: guardedPage(CoursePage, isEmployee) },
  { path: "/learning/me", element: guardedPage(DashboardPage, isEmployee) },
  { path: "/learning/paths", element: guardedPage(PathsPage, isEmployee) },
  { path: "/learning/paths/:id", element: guardedPage(PathPage, isEmployee) },
  { path: "/learning/enrolments/:id", element: guardedPage(PlayerPage, isEmployee) },
  { path: "/learning/enrolments/:id/lessons/:lessonId", element: guardedPage(PlayerPage, isEmployee) },
  { path: "/learning/admin", element: guardedPage(AdminPage, authors) },
  { path: "/learning/admin/courses/:id", element: guardedPage(CourseEditorPage, authors) },
  { path: "/learning/admin/runs/:id", element: guardedPage(RunPage, authors) },
  { path: "/learning/admin/banks", element: guardedPage(BanksPage, authors) },
  { path: "/learning/jp", element: guardedPage(JpPage, seesJp) },
  { path: "/learning/certificates", element: guardedPage(CertificatesPage, isHr) },
];

/** Pages that need no sign-in (certificate verification). */
export const learningPublicRoutes: RouteObject[] = [
  {
    path: "/verify/:number",
    element: (
      <Suspense fallback={<Loading fullPage />}>
        <VerifyPage />
      </Suspense>
    ),
  },
];

export const learningNav: NavItem[] = [
  { to: "/learning", labelKey: "learning:nav.catalog", icon: IconBook, visible: isEmployee },
  { to: "/learning/me", labelKey: "learning:nav.mine", icon: IconSchool, visible: isEmployee },
  { to: "/learning/paths", labelKey: "learning:nav.paths", icon: IconRoute, visible: isEmployee },
  { to: "/learning/jp", labelKey: "learning:nav.jp", icon: IconChartBar, visible: seesJp },
  { to: "/learning/certificates", labelKey: "learning:nav.certificates", icon: IconCertificate, visible: isHr },
  { to: "/learning/admin", labelKey: "learning:nav.manage", icon: IconSettings, visible: authors },
];
