import { lazy, Suspense } from "react";
import type { RouteObject } from "react-router";
import { Loading } from "../../ui/Loading";

const NotificationsPage = lazy(() => import("./NotificationsPage"));

/** The notification list, for everyone signed in (the bell in the header opens it). */
export const notificationRoutes: RouteObject[] = [
  {
    path: "/notifications",
    element: (
      <Suspense fallback={<Loading />}>
        <NotificationsPage />
      </Suspense>
    ),
  },
];
