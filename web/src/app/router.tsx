import { createBrowserRouter } from "react-router";
import { arrangementRoutes } from "../modules/arrangement/routes";
import { auditRoutes } from "../modules/audit/routes";
import { ChangePasswordPage } from "../modules/auth/components/ChangePasswordPage";
import { LoginPage } from "../modules/auth/components/LoginPage";
import { learningPublicRoutes, learningRoutes } from "../modules/learning/routes";
import { logbookRoutes } from "../modules/logbook/routes";
import { lrsRoutes } from "../modules/lrs/routes";
import { monitoringRoutes } from "../modules/monitoring/routes";
import { notificationRoutes } from "../modules/notifications/routes";
import { orgRoutes } from "../modules/org/routes";
import { ProfilePage } from "../modules/profile/components/ProfilePage";
import { SetupPage } from "../modules/setup/components/SetupPage";
import { GuestOnly, OnlyWhenPasswordMustChange, RequireAuth, RequirePasswordChanged, SetupGate } from "./guards";
import { HomePage } from "./home/HomePage";
import { NotFoundPage } from "./NotFoundPage";
import { RouteError } from "./RouteError";
import { AppLayout } from "./shell/AppLayout";

/**
 * setup gate (empty installation -> /setup)
 *   /setup
 *   guest only: /login
 *   signed in:
 *     /change-password (only while a new password is demanded)
 *     password changed -> shell: home, profile, module routes
 */
export const router = createBrowserRouter([
  {
    element: <SetupGate />,
    errorElement: <RouteError />,
    children: [
      { path: "/setup", element: <SetupPage /> },
      ...learningPublicRoutes,
      { element: <GuestOnly />, children: [{ path: "/login", element: <LoginPage /> }] },
      {
        element: <RequireAuth />,
        children: [
          { element: <OnlyWhenPasswordMustChange />, children: [{ path: "/change-password", element: <ChangePasswordPage /> }] },
          {
            element: <RequirePasswordChanged />,
            children: [
              {
                element: <AppLayout />,
                children: [
                  {
                    errorElement: <RouteError />,
                    children: [
                      { index: true, element: <HomePage /> },
                      { path: "/profile", element: <ProfilePage /> },
                      ...orgRoutes,
                      ...auditRoutes,
                      ...logbookRoutes,
                      ...arrangementRoutes,
                      ...monitoringRoutes,
                      ...learningRoutes,
                      ...lrsRoutes,
                      ...notificationRoutes,
                      { path: "*", element: <NotFoundPage /> },
                    ],
                  },
                ],
              },
            ],
          },
        ],
      },
    ],
  },
]);
